// Wires flows to adapters once: the Lambda handlers and the local runner build the line the same way.
import { type DispatchDeps, handleLineEvent } from '../../flows/dispatch/dispatcher.js';
import type { EventPublisher, Telephony } from '../../flows/ports.js';
import type { ActionTarget } from '../../flows/replies.js';
import type { VoiceDeps } from '../../flows/voice/voice-deps.js';
import { dispatchingInline } from '../events/inline-dispatch.js';
import { actionUrl } from '../twiml.js';
import { createWebhookApp, type WebApp } from '../webhook/webhook-app.js';
import type { WarmlineCore } from './composition-root.js';

/** Time a webhook flow may take before the caller gets the safe reply: Twilio gives up at 15 s. */
export const WEBHOOK_DEADLINE_MS = 3_000;

export function voiceDeps(core: WarmlineCore, events: EventPublisher): VoiceDeps {
  return {
    store: core.store,
    events,
    clock: core.clock,
    vault: core.vault,
    log: core.log,
    defaults: core.defaults,
  };
}

export function dispatchDeps(core: WarmlineCore, events: EventPublisher, telephony: Telephony): DispatchDeps {
  return {
    store: core.store,
    events,
    telephony,
    clock: core.clock,
    vault: core.vault,
    log: core.log,
    webhookUrl: (target: ActionTarget) => actionUrl(core.config.PUBLIC_BASE_URL, target),
    audit: core.audit,
  };
}

/**
 * What the webhook and the tick publish through: the bus, with the dispatcher run in-process on what they
 * publish, and `handoff` for what it could not finish. The dispatcher itself publishes straight to the bus, so
 * nothing it does is dispatched twice.
 */
export function publisherWithDispatch(
  core: WarmlineCore,
  bus: EventPublisher,
  handoff: EventPublisher,
  telephony: Telephony,
): EventPublisher {
  const deps = dispatchDeps(core, bus, telephony);
  return dispatchingInline({
    bus,
    handoff,
    dispatch: (event) => handleLineEvent(deps, event),
    log: core.log,
  });
}

/**
 * The webhook app as every place that serves Twilio builds it: voice and SMS flows publishing through `events`
 * with the dispatcher run in-process, `handoff` for what it could not finish.
 */
export function webhookApp(
  core: WarmlineCore,
  events: EventPublisher,
  handoff: EventPublisher,
  telephony: Telephony,
): WebApp {
  return webhookAppPublishingTo(core, publisherWithDispatch(core, events, handoff, telephony));
}

/** The same app over a publisher that already does whatever dispatching it should (tests pass a bare bus). */
export function webhookAppPublishingTo(core: WarmlineCore, events: EventPublisher): WebApp {
  const voice = voiceDeps(core, events);
  return createWebhookApp({
    publicBaseUrl: core.config.PUBLIC_BASE_URL,
    authToken: core.authToken,
    crisisNumber: core.config.CRISIS_NUMBER,
    crisisTextNumber: core.config.CRISIS_TEXT_NUMBER,
    deadlineMs: WEBHOOK_DEADLINE_MS,
    voice,
    // The text flows load with the first text a container serves: a container that only answers calls never
    // reads them.
    sms: async (input) =>
      (await import('../../flows/sms/incoming-text.js')).handleIncomingText(
        { ...voice, surveys: core.surveys },
        input,
      ),
    log: core.log,
  });
}
