// What the admin app needs from outside, and the per-request context every route gets.
import type { AuditEntry } from '../../flows/admin/admin-api-types.js';
import type { LineSettings } from '../../flows/line-settings.js';
import type {
  Clock,
  EventPublisher,
  IdSource,
  Log,
  PhoneVault,
  Store,
  SurveyStore,
} from '../../flows/ports.js';
import type { WebRequest, WebResponse } from '../http/web-request.js';
import type { AdminStore } from '../store/admin-store.js';

export interface AdminDeps {
  readonly store: Store;
  readonly admin: AdminStore;
  /** The survey answers, for the reports. */
  readonly surveys: Pick<SurveyStore, 'listAnswers'>;
  readonly vault: PhoneVault;
  readonly events: EventPublisher;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly defaults: LineSettings;
  readonly log: Log;
}

export interface AdminContext {
  readonly deps: AdminDeps;
  readonly request: WebRequest;
  /** Path after /admin/, split on "/", decoded. */
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
  /** The coordinator's email, or their subject when the token carries no email. */
  readonly who: string;
  readonly now: number;
}

export type AdminRoute = (context: AdminContext) => Promise<WebResponse>;

/** Every change leaves one entry: who, what, when; never a phone number or a caller key. */
export async function audit(context: AdminContext, entry: Omit<AuditEntry, 'at' | 'who'>): Promise<void> {
  await context.deps.admin.writeAudit(
    { at: context.now, who: context.who, ...entry },
    context.deps.ids.newId(),
  );
}
