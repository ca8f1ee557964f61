// What a flow asks Twilio to do next, in plain data; functions/twiml.ts renders it.
import type { TwilioPathName } from './webhook-paths.js';

export type Language = 'en' | 'es';
export const LANGUAGES: readonly Language[] = ['en', 'es'];

/** A webhook of ours that Twilio should call next, with the query it needs to find its contact. */
export interface ActionTarget {
  readonly route: TwilioPathName;
  readonly query?: Readonly<Record<string, string>>;
}

export type SpokenStep =
  | { readonly kind: 'say'; readonly text: string; readonly language: Language }
  | { readonly kind: 'pause'; readonly seconds: number }
  /** An audio file played `times` times in a row; Twilio plays each time to the end (or until a key). */
  | { readonly kind: 'play'; readonly url: string; readonly times: number };

export type VoiceStep =
  | SpokenStep
  | {
      readonly kind: 'gather';
      readonly action: ActionTarget;
      readonly numDigits: number;
      readonly timeoutSeconds: number;
      /** Also listen for speech, in this language. */
      readonly speechLanguage?: Language;
      readonly prompts: readonly SpokenStep[];
    }
  | { readonly kind: 'redirect'; readonly to: ActionTarget }
  | {
      readonly kind: 'dial-number';
      readonly number: string;
      readonly callerId: string;
      readonly timeoutSeconds?: number;
      readonly action?: ActionTarget;
    }
  | {
      readonly kind: 'dial-conference';
      readonly room: string;
      readonly endConferenceOnExit: boolean;
      readonly hangupOnStar: boolean;
      readonly action?: ActionTarget;
    }
  | { readonly kind: 'hangup' };

export interface VoiceReply {
  readonly steps: readonly VoiceStep[];
}

export interface TextMessage {
  /** Omitted: back to the sender. Otherwise a raw E.164 number, which never leaves the TwiML. */
  readonly to?: string;
  readonly body: string;
}

export interface SmsReply {
  readonly messages: readonly TextMessage[];
}

export const say = (text: string, language: Language): SpokenStep => ({ kind: 'say', text, language });
export const pause = (seconds: number): SpokenStep => ({ kind: 'pause', seconds });
export const play = (url: string, times: number): SpokenStep => ({ kind: 'play', url, times });
export const hangup = (): VoiceStep => ({ kind: 'hangup' });
