// What the line texts supervisors and volunteers about listening in, coaching and SUPPORT (in English, like
// every volunteer text). A refusal always says that nothing was dialled, so nobody waits for a call.
import type { Channel } from '../model.js';
import type { SupervisionMode, SupervisionRefusal } from './listen-in.js';

const NOTHING = 'Nothing was dialled.';

export const supervisionTexts = {
  calling: (mode: SupervisionMode, reference: string) =>
    mode === 'coach'
      ? `Warmline: calling you now from the line to coach on call ${reference}. Only the volunteer hears you. Hang up to leave; the caller is not told.`
      : `Warmline: calling you now from the line to listen in on call ${reference}. You are muted: nobody hears you. Hang up to leave; the caller is not told.`,
  refused: (reason: SupervisionRefusal, reference: string): string => {
    switch (reason) {
      case 'disabled':
        return `Warmline: listening in is switched off on this line. ${NOTHING}`;
      case 'coaching-off':
        return `Warmline: coaching is switched off on this line; LISTEN ${reference} still works. ${NOTHING}`;
      case 'not-supervisor':
        return `Warmline: only supervisors can listen in or coach. ${NOTHING}`;
      case 'unknown':
        return `Warmline: no live call ${reference}; it may have ended. ${NOTHING}`;
      case 'ambiguous':
        return `Warmline: ${reference} matches more than one live contact; use the console's live board. ${NOTHING}`;
      case 'text':
        return `Warmline: ${reference} is a text conversation; read along on the console's live board. ${NOTHING}`;
      case 'not-connected':
        return `Warmline: call ${reference} has no volunteer with the caller yet; try again once it is connected. ${NOTHING}`;
    }
  },
  supportAsked: (volunteerName: string, channel: Channel, reference: string) =>
    channel === 'voice'
      ? `Warmline: ${volunteerName} asks for support on call ${reference}. Reply LISTEN ${reference} to listen in or COACH ${reference} to coach, or call them afterwards.`
      : `Warmline: ${volunteerName} asks for support on text conversation ${reference}. Read along on the console's live board, or call them afterwards.`,
  supportSent: (reference: string) =>
    `Warmline: the supervisor on shift has been asked to join (reference ${reference}). Stay with the person; they will join or call you afterwards.`,
  supportNobody:
    'Warmline: no supervisor is on shift right now, so nobody could be asked. The coordinators have been told. Stay with the person; ESCALATE if they are in danger.',
  supportNoContact:
    'Warmline: SUPPORT works during a call or a text conversation, and you are on neither right now. To name a conversation: SUPPORT <tag>.',
  supportOff: 'Warmline: supervision is switched off on this line, so nobody was asked.',
} as const;
