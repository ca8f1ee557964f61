// What every voice flow is given: the store, the bus, the clock, the vault, and the deploy-time fallbacks.
import type { LineSettings } from '../line-settings.js';
import type { Clock, EventPublisher, Log, PhoneVault, Store } from '../ports.js';

export interface VoiceDeps {
  readonly store: Store;
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

export const contactIdForCall = (callSid: string): string => `v-${callSid}`;
export const conferenceRoom = (contactId: string): string => `warmline-${contactId}`;
