// What every voice flow is given: the store, the bus, the clock, the vault, and the deploy-time fallbacks.
import type { LineSettings } from '../line-settings.js';
import type { Clock, EventPublisher, Log, PhoneVault, Store } from '../ports.js';

/** `M`: the store methods a flow uses, so it declares (and its test fakes) only those; all by default. */
export interface VoiceDeps<M extends keyof Store = keyof Store> {
  readonly store: Pick<Store, M>;
  readonly events: EventPublisher;
  readonly clock: Clock;
  readonly vault: PhoneVault;
  readonly log: Log;
  /** Deploy-time settings: used as they are when the store cannot be read. */
  readonly defaults: LineSettings;
}

/** Twilio's standard fields of a voice webhook that flows use. */
export interface CallFields {
  readonly callSid: string;
  readonly from: string;
  /** The line's own number for a caller's leg: the caller ID for any onward dial. */
  readonly to: string;
}

/**
 * Our own id for a call's contact: a keyed hash of the CallSid, so a log row names nothing the Twilio console
 * could turn back into a number, while every webhook of the same call still finds the same contact.
 */
export const contactIdForCall = (vault: Pick<PhoneVault, 'keyOf'>, callSid: string): string =>
  `v-${vault.keyOf(`CallSid:${callSid}`)}`;
export const conferenceRoom = (contactId: string): string => `warmline-${contactId}`;
