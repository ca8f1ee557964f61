// Cold start of the admin Lambda: the shared core, but not the webhook wiring, so the bundle carries no TwiML
// or voice flows.

import type { EventPublisher } from '../../flows/ports.js';
import { adminIds, bootCoreInAws, type WarmlineCore } from '../app/composition-root.js';
import { createAdminStore } from '../store/admin-store.js';
import { type AdminApp, createAdminApp } from './admin-app.js';
import type { AdminDeps } from './admin-deps.js';

/** The admin API's deps from the core, in AWS and locally; `events` is the bus as `admin`. */
export function adminDepsFor(core: WarmlineCore, events: EventPublisher): AdminDeps {
  return {
    store: core.store,
    admin: createAdminStore(core.config),
    surveys: core.surveys,
    vault: core.vault,
    events,
    clock: core.clock,
    ids: adminIds,
    defaults: core.defaults,
    log: core.log,
  };
}

export async function bootAdminInAws(env: Record<string, string | undefined>): Promise<AdminApp> {
  const core = await bootCoreInAws('admin-api', env);
  return createAdminApp(adminDepsFor(core, core.busPublisher('admin')));
}
