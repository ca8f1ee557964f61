// Our TwiML against Twilio's builders: every reply shape, and text that needs escaping, byte for byte the same.
import { describe, expect, it } from 'vitest';
import { promptsFor } from '../../flows/prompts/prompts.js';
import { LANGUAGES, type SmsReply, type SpokenStep, say, type VoiceReply } from '../../flows/replies.js';
import { callerBridge } from '../../flows/voice/caller-call.js';
import { callerTroubleReply, smsTroubleReply, volunteerTroubleReply } from '../../flows/voice/safe-reply.js';
import { joinConference } from '../../flows/voice/volunteer-call.js';
import { renderSms, renderVoice } from '../../functions/twiml.js';
import { XmlCharacterError } from '../../functions/xml-document.js';
import { renderSmsWithTwilio, renderVoiceWithTwilio } from './twilio-twiml-oracle.js';

const BASE = 'https://line.example.org';
const CRISIS = '+18005550199';

const TRICKY_TEXT = {
  ampersands: 'Tom & Jerry && co &amp; already escaped',
  quotes: 'She said "call back" and left',
  apostrophes: "It's okay, we're here, you're heard",
  angleBrackets: '<Hangup/> is not a verb here; 3 > 2 < 4',
  emoji: 'You matter 💛🌈 👋🏽',
  spanish: 'Gracias por llamar. ¿Cómo está? Mañana, canción, pingüino, acción.',
  whitespace: 'tab\there, newline\nhere, carriage\r\nreturn',
  c1AndNonCharacters: 'next line \u0085, soft hyphen \u00ad, bom \ufeff, plane 16 \u{10fffd}',
  cdataEnd: 'not ]]> a section',
  veryLong: 'A long and careful sentence, with "quotes" & <brackets>. '.repeat(400),
} as const;

const spoken = (text: string): SpokenStep[] => LANGUAGES.map((language) => say(text, language));

const SPOKEN_STEPS: readonly SpokenStep[] = [
  ...spoken('Hello'),
  { kind: 'say', text: '', language: 'en' },
  { kind: 'pause', seconds: 2 },
  { kind: 'pause', seconds: 0 },
  { kind: 'play', url: `${BASE}/hold.mp3?track=1&volume="loud"`, times: 3 },
  { kind: 'play', url: `${BASE}/hold.mp3`, times: 0 },
];

const VOICE_REPLIES: Readonly<Record<string, VoiceReply>> = {
  empty: { steps: [] },
  'spoken steps at the top': { steps: SPOKEN_STEPS },
  'a keypad gather with every spoken step inside': {
    steps: [
      {
        kind: 'gather',
        action: { route: 'voiceLanguage', query: { contactId: 'c-1', language: 'en' } },
        numDigits: 1,
        timeoutSeconds: 5,
        prompts: SPOKEN_STEPS,
      },
    ],
  },
  'a speech gather in each language, and one with no prompts': {
    steps: [
      ...LANGUAGES.map((speechLanguage) => ({
        kind: 'gather' as const,
        action: { route: 'voiceIntake' as const },
        numDigits: 4,
        timeoutSeconds: 8,
        speechLanguage,
        prompts: spoken('Tell us in a few words'),
      })),
      { kind: 'gather', action: { route: 'voiceHoldInput' }, numDigits: 1, timeoutSeconds: 1, prompts: [] },
    ],
  },
  'a redirect whose query needs escaping': {
    steps: [{ kind: 'redirect', to: { route: 'voiceHold', query: { note: 'a&b "c" <d> é 💛', t: '2' } } }],
  },
  'dial numbers with and without the options': {
    steps: [
      { kind: 'dial-number', number: CRISIS, callerId: '+15550001111' },
      {
        kind: 'dial-number',
        number: '988',
        callerId: '+15550001111',
        timeoutSeconds: 30,
        action: { route: 'crisisDialEnded', query: { contactId: 'c-2' } },
      },
      // A zero timeout was never written: Twilio's own default applies.
      { kind: 'dial-number', number: CRISIS, callerId: '+15550001111', timeoutSeconds: 0 },
    ],
  },
  'dial conferences with every option': {
    steps: [
      {
        kind: 'dial-conference',
        room: 'warmline-c-3',
        endConferenceOnExit: true,
        hangupOnStar: false,
        action: { route: 'voiceBridgeEnded', query: { contactId: 'c-3', language: 'es' } },
      },
      { kind: 'dial-conference', room: 'warmline-c-3', endConferenceOnExit: false, hangupOnStar: true },
    ],
  },
  hangup: { steps: [{ kind: 'hangup' }] },
  "the caller's bridge": callerBridge({ contactId: 'c-4', language: 'es' }),
  "a volunteer's room with an intro": joinConference('c-5', 'v-1', 'Connecting you & your caller'),
  'the safe reply, both languages': callerTroubleReply({ crisisNumber: CRISIS, loops: 1, contactId: 'c-6' }),
  'the safe goodbye': callerTroubleReply({ crisisNumber: CRISIS, language: 'es', loops: 9 }),
  "a volunteer's safe reply": volunteerTroubleReply(),
  'every spoken prompt in both languages': {
    steps: LANGUAGES.flatMap((language) =>
      Object.values(promptsFor(language))
        .filter((words): words is string => typeof words === 'string')
        .map((words) => say(words, language)),
    ),
  },
  ...Object.fromEntries(
    Object.entries(TRICKY_TEXT).map(([name, text]) => [
      `tricky text: ${name}`,
      {
        steps: [
          ...spoken(text),
          {
            kind: 'gather',
            action: { route: 'voiceHoldInput' },
            numDigits: 1,
            timeoutSeconds: 5,
            prompts: spoken(text),
          },
          { kind: 'dial-conference', room: text, endConferenceOnExit: true, hangupOnStar: true },
          { kind: 'dial-number', number: text, callerId: text },
          { kind: 'play', url: text, times: 1 },
        ],
      } satisfies VoiceReply,
    ]),
  ),
};

const SMS_REPLIES: Readonly<Record<string, SmsReply>> = {
  empty: { messages: [] },
  'back to the sender': { messages: [{ body: 'Thanks for texting.' }] },
  'to other numbers, and an empty to': {
    messages: [
      { to: '+15557654321', body: 'A texter is waiting.' },
      { to: '', body: 'Back to the sender after all' },
      { body: '' },
    ],
  },
  'the safe reply, both languages': smsTroubleReply(CRISIS, '741741', undefined),
  ...Object.fromEntries(
    Object.entries(TRICKY_TEXT).map(([name, text]) => [
      `tricky text: ${name}`,
      { messages: [{ body: text }, { to: text, body: text }] } satisfies SmsReply,
    ]),
  ),
};

describe('renderVoice', () => {
  it.each(Object.entries(VOICE_REPLIES))('writes what Twilio’s builders write for %s', (_, reply) => {
    expect(renderVoice(reply, BASE)).toBe(renderVoiceWithTwilio(reply, BASE));
  });

  it('writes the declaration and a self-closing response for no steps', () => {
    expect(renderVoice({ steps: [] }, BASE)).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  });

  it('refuses a control character in spoken text, as Twilio’s builders do', () => {
    const reply: VoiceReply = { steps: spoken('bell \u0007 rung') };
    expect(() => renderVoiceWithTwilio(reply, BASE)).toThrow();
    expect(() => renderVoice(reply, BASE)).toThrow(XmlCharacterError);
  });

  it('refuses a control character in an attribute, where Twilio’s builders wrote XML Twilio cannot parse', () => {
    const reply: VoiceReply = {
      steps: [{ kind: 'dial-number', number: CRISIS, callerId: '+1555\u0000' }],
    };
    expect(renderVoiceWithTwilio(reply, BASE)).toContain('callerId="+1555\u0000"');
    expect(() => renderVoice(reply, BASE)).toThrow(XmlCharacterError);
  });
});

describe('renderSms', () => {
  it.each(Object.entries(SMS_REPLIES))('writes what Twilio’s builders write for %s', (_, reply) => {
    expect(renderSms(reply)).toBe(renderSmsWithTwilio(reply));
  });

  it.each([
    ['a control character', 'escape \u001b[0m'],
    ['a lone surrogate', 'half \ud83d an emoji'],
    ['U+FFFF', 'not a character \uffff'],
  ])('refuses %s in a body, as Twilio’s builders do', (_, body) => {
    const reply: SmsReply = { messages: [{ body }] };
    expect(() => renderSmsWithTwilio(reply)).toThrow();
    expect(() => renderSms(reply)).toThrow(XmlCharacterError);
  });
});
