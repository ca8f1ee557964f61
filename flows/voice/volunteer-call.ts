// The volunteer's side of a voice call: whisper, press 1, the conference, the star menu, wrap-up.
//
// Main course: the dispatcher rings the volunteer with the whisper -> "press 1" -> a conditional claim on the
// contact (exactly one volunteer wins) -> conference -> the call ends -> wrap-up -> free again.
// Alternate courses: voicemail or silence (the whisper times out, never accepts), another key (asked again,
// a few times), the call already taken or the caller gone (each told as it is), no answer (a miss; several
// misses in a row pause the volunteer), star during the call (menu: add the crisis line, go back, end; after
// the caller has gone, the wrap-up words instead), replays (no-ops).

import { noteAllPaused } from '../dispatch/all-paused.js';
import type { LineSettings } from '../line-settings.js';
import { type Contact, type ReleaseReason, releaseReasonOf } from '../model.js';
import { promptsFor } from '../prompts/prompts.js';
import { concernWords } from '../prompts/volunteer-texts.js';
import type { VoiceReply, VoiceStep } from '../replies.js';
import { hangup, pause, say } from '../replies.js';
import { webhookTarget } from '../webhook-query.js';
import { releaseVolunteer } from './caller-call.js';
import { conferenceRoom, type VoiceDeps } from './voice-deps.js';
import { shouldAskWrapUp, wrapUpCodeSteps } from './wrap-up-codes.js';

const en = promptsFor('en');
const ACCEPT_KEY = '1';
/** Wrong keys asked about before the offer goes to someone else: a stuck key or a machine must not loop. */
const WRONG_KEYS_ALLOWED = 2;
const MENU_BEAT_SECONDS = 1;

/**
 * What a volunteer hears on picking up: who is waiting, for how long, any concern, then "press 1". It rides
 * with the ring as inline TwiML, so answering costs no webhook; whether the caller still waits is settled by
 * the key press (a release meanwhile hangs the leg up or tells the volunteer why).
 */
export function whisperOffer(
  contact: Contact,
  volunteerId: string,
  whisperSeconds: number,
  now: number,
): VoiceReply {
  const waited = Math.max(0, Math.round((now - (contact.queuedAt ?? contact.startedAt)) / 1000));
  return whisperGather(contact.contactId, volunteerId, whisperSeconds, 0, [
    en.whisper(
      en.languageName[contact.language],
      waited,
      contact.concern ? concernWords[contact.concern.kind] : undefined,
    ),
  ]);
}

/** The press-1 gather: `wrongKeys` so far ride in the query, so a replay counts nothing twice. */
function whisperGather(
  contactId: string,
  volunteerId: string,
  whisperSeconds: number,
  wrongKeys: number,
  words: readonly string[],
): VoiceReply {
  return {
    steps: [
      {
        kind: 'gather',
        action: webhookTarget('offerInput', { contactId, volunteerId, whisperSeconds, wrongKeys }),
        numDigits: 1,
        timeoutSeconds: whisperSeconds,
        prompts: words.map((line) => say(line, 'en')),
      },
      // Voicemail and silence land here: they never accept.
      say(en.whisperMissed, 'en'),
      hangup(),
    ],
  };
}

/** The key a volunteer pressed on the leg that rang them for a contact. */
export interface OfferPress {
  readonly contactId: string;
  readonly volunteerId: string;
  readonly digits: string | undefined;
}

export async function handleOfferInput(
  deps: VoiceDeps<'getContact' | 'updateContact' | 'updateVolunteer'>,
  press: OfferPress,
  whisper: { readonly seconds: number; readonly wrongKeys: number } = { seconds: 8, wrongKeys: 0 },
): Promise<VoiceReply> {
  const { contactId, volunteerId, digits } = press;
  if (digits !== ACCEPT_KEY) return wrongKey(deps, contactId, volunteerId, digits, whisper);
  const now = deps.clock.now();
  // Two conditional writes. The volunteer's record first: rung for this contact and not let go since (a leg
  // that ended, or a release, frees it; it is claimed before the phone rings, so it is there however quick
  // the key). Then the contact, still queued: exactly one volunteer wins it, and a loser goes back to offered
  // for the release to tell them.
  const held = await deps.store.updateVolunteer(volunteerId, {
    expectState: ['offered'],
    expectContactId: contactId,
    set: { state: 'busy', missedOffers: 0 },
  });
  let claimed = false;
  if (held) {
    try {
      const connected = await deps.store.updateContact(contactId, {
        channel: 'voice',
        expectStatus: ['queued'],
        set: { status: 'connected', volunteerId, answeredAt: now },
      });
      claimed = connected !== undefined;
    } finally {
      // Lost to another volunteer, or the write failed: back on offer, so the release frees them, or their
      // next press (the safe reply asks for it) can still win. Left busy, nothing would ever offer them again
      // while the caller waits.
      if (!claimed)
        await deps.store.updateVolunteer(volunteerId, {
          expectState: ['busy'],
          expectContactId: contactId,
          set: { state: 'offered' },
        });
    }
  }
  if (!claimed) {
    const contact = await deps.store.getContact(contactId);
    // A replay of the winner's own key press: put them back in the room.
    if (contact?.volunteerId === volunteerId && contact.status !== 'ended')
      return joinConference(contactId, volunteerId);
    return offerReleasedReply(releaseReasonOf(contact));
  }
  await deps.events.publish([{ type: 'ContactConnected', contactId, channel: 'voice', volunteerId }]);
  return joinConference(contactId, volunteerId, en.volunteerConnected);
}

/** A key that is not 1: asked again while the caller still waits, a few times, then offered to someone else. */
async function wrongKey(
  deps: VoiceDeps<'getContact'>,
  contactId: string,
  volunteerId: string,
  digits: string | undefined,
  whisper: { readonly seconds: number; readonly wrongKeys: number },
): Promise<VoiceReply> {
  if (!digits) return { steps: [say(en.whisperMissed, 'en'), hangup()] };
  const contact = await deps.store.getContact(contactId);
  if (contact?.status !== 'queued' || contact.liveUntil <= deps.clock.now())
    return offerReleasedReply(releaseReasonOf(contact));
  if (whisper.wrongKeys >= WRONG_KEYS_ALLOWED) return { steps: [say(en.offerWrongKeyLimit, 'en'), hangup()] };
  return whisperGather(contactId, volunteerId, whisper.seconds, whisper.wrongKeys + 1, [en.offerWrongKey]);
}

const RELEASE_WORDS: Readonly<Record<ReleaseReason, string>> = {
  taken: en.offerTaken,
  left: en.offerCallerLeft,
  gone: en.offerGone,
};

/** What a volunteer whose offer ended hears: the dispatcher sends answered legs here with the reason. */
export function offerReleasedReply(reason: ReleaseReason): VoiceReply {
  return { steps: [say(RELEASE_WORDS[reason], 'en'), hangup()] };
}

/** The reason a release URL carries; anything else is told the one thing always true: no longer waiting. */
export function joinConference(contactId: string, volunteerId: string, intro?: string): VoiceReply {
  return {
    steps: [
      ...(intro ? [say(intro, 'en')] : []),
      {
        kind: 'dial-conference',
        room: conferenceRoom(contactId),
        // The caller must never be cut off because the volunteer stepped out to the star menu.
        endConferenceOnExit: false,
        hangupOnStar: true,
        action: webhookTarget('volunteerInput', { contactId, volunteerId }),
      },
    ],
  };
}

/** Star pressed, or the conference is over: the menu while the call lives, a goodbye after. */
export async function handleVolunteerInput(
  deps: VoiceDeps<'getContact' | 'getLine' | 'updateContact' | 'updateVolunteer'>,
  contactId: string,
  volunteerId: string,
  digits: string | undefined,
  fromMenu: boolean,
): Promise<VoiceReply> {
  const contact = await deps.store.getContact(contactId);
  // The line's settings only for a wrap-up: stepping out to the menu needs none.
  const settings = async () => (await deps.store.getLine()).settings;
  if (contact?.status !== 'connected' || contact.volunteerId !== volunteerId)
    return wrapUpReply(contact, volunteerId, await settings());
  if (!fromMenu) {
    await deps.events.publish([{ type: 'VolunteerSteppedOut', contactId, channel: 'voice', volunteerId }]);
    return {
      steps: [
        {
          kind: 'gather',
          action: webhookTarget('volunteerInput', { contactId, volunteerId, muted: true }),
          numDigits: 1,
          timeoutSeconds: 6,
          // A caller hanging up ends the room too, and the volunteer's leg lands here at the same instant as
          // the caller's status callback: a beat before the options lets the dispatcher send them to the
          // wrap-up words instead of offering a menu for a caller who has gone.
          prompts: [pause(MENU_BEAT_SECONDS), say(en.volunteerMenu, 'en')],
        },
        ...joinConference(contactId, volunteerId).steps,
      ],
    };
  }
  if (digits === '1') {
    const now = deps.clock.now();
    await deps.store.updateContact(contactId, {
      channel: 'voice',
      expectStatus: ['connected'],
      set: { escalation: { trigger: 'volunteer', kind: 'warm-transfer', at: now } },
    });
    await deps.events.publish([
      { type: 'ContactEscalated', contactId, channel: 'voice', trigger: 'volunteer', kind: 'warm-transfer' },
    ]);
    return joinConference(contactId, volunteerId, en.warmTransferStarted);
  }
  if (digits === '3') {
    await leaveConversation(deps, contactId, volunteerId);
    const line = await settings();
    return {
      steps: [say(en.volunteerCallEnded(line.wrapUpSeconds), 'en'), ...wrapUpAsk(contact, volunteerId, line)],
    };
  }
  return joinConference(contactId, volunteerId);
}

/** The end of a volunteer's call: "the caller has left" when the caller's own leg ended it; then the codes. */
function wrapUpReply(contact: Contact | undefined, volunteerId: string, settings: LineSettings): VoiceReply {
  const callerLeft = contact?.status === 'ended' && contact.outcome === 'completed';
  const wrapUpSeconds = settings.wrapUpSeconds;
  return {
    steps: [
      say(callerLeft ? en.callerLeftCall(wrapUpSeconds) : en.volunteerCallEnded(wrapUpSeconds), 'en'),
      ...wrapUpAsk(contact, volunteerId, settings),
    ],
  };
}

/** The wrap-up codes Gather (wrap-up-codes.ts) for the volunteer who had the call, else just the hang-up. */
function wrapUpAsk(contact: Contact | undefined, volunteerId: string, settings: LineSettings): VoiceStep[] {
  if (!contact || !shouldAskWrapUp(contact, volunteerId, settings.wrapUpCodes)) return [hangup()];
  return wrapUpCodeSteps(
    { contactId: contact.contactId, volunteerId, language: contact.language },
    settings.wrapUpCodes,
  );
}

/**
 * The volunteer steps out of a live call. The contact is the caller's: it ends with the caller's leg, so the
 * volunteer only wraps up here, and the dispatcher tells the caller goodbye unless the crisis line is with them.
 */
async function leaveConversation(
  deps: VoiceDeps<'getLine' | 'updateVolunteer'>,
  contactId: string,
  volunteerId: string,
): Promise<void> {
  const left = await releaseVolunteer(deps, volunteerId, contactId);
  if (left) await deps.events.publish([{ type: 'VolunteerLeft', contactId, channel: 'voice', volunteerId }]);
}

/**
 * How a leg can end that leaves work here. Not `canceled`: only the line cancels a leg (Twilio's `canceled` is a
 * REST cancel of a ringing call), and it frees the volunteer as it does; the tick frees one whose release was lost.
 */
const FINAL_CALL_STATUSES = ['completed', 'busy', 'no-answer', 'failed'];

/**
 * The volunteer's leg has ended. If they had the call, they leave it (the caller's leg ends the contact);
 * otherwise the offer is over: a miss when the caller was still waiting, not a miss when someone else took it or the caller left.
 */
export async function handleOfferStatus(
  deps: VoiceDeps<
    | 'clearAllPaused'
    | 'getContact'
    | 'getLine'
    | 'markAllPaused'
    | 'setPaused'
    | 'updateContact'
    | 'updateOffer'
    | 'updateVolunteer'
  >,
  contactId: string,
  volunteerId: string,
  callStatus: string,
): Promise<void> {
  if (!FINAL_CALL_STATUSES.includes(callStatus)) return;
  const contact = await deps.store.getContact(contactId);
  if (!contact) return;
  if (contact.volunteerId === volunteerId) {
    if (contact.status === 'connected') await leaveConversation(deps, contactId, volunteerId);
    return;
  }
  const now = deps.clock.now();
  const missed = contact.status === 'queued';
  // The leg is over: a key press that arrives after this callback must not win the caller.
  await deps.store.updateOffer(contactId, volunteerId, {
    expectStatus: ['ringing'],
    set: { status: 'released' },
  });
  const volunteer = await deps.store.updateVolunteer(volunteerId, {
    expectState: ['offered'],
    expectContactId: contactId,
    set: { state: 'available', ...(missed ? { idleSince: now } : {}) },
    remove: ['contactId'],
    ...(missed ? { add: { missedOffers: 1 } } : {}),
  });
  if (!volunteer) return; // a replayed callback: already released
  const line = await deps.store.getLine();
  const events: Parameters<VoiceDeps['events']['publish']>[0][number][] = [
    { type: 'OfferEnded', contactId, channel: 'voice', volunteerId, missed },
  ];
  if (missed && volunteer.missedOffers >= line.settings.missedOffersBeforePause) {
    const paused = await deps.store.updateVolunteer(volunteerId, {
      expectState: ['available'],
      set: { state: 'paused' },
    });
    if (paused) await pauseOnLine(deps, volunteerId);
    events.push({ type: 'VolunteerPaused', volunteerId, missedOffers: volunteer.missedOffers });
  }
  await deps.store.updateContact(contactId, { channel: 'voice', add: { offersOutstanding: -1 } });
  await deps.events.publish(events);
}

/** The line's paused set follows the volunteer; if that leaves nobody taking calls, the coordinators hear of it. */
async function pauseOnLine(
  deps: VoiceDeps<'clearAllPaused' | 'getLine' | 'markAllPaused' | 'setPaused'>,
  volunteerId: string,
): Promise<void> {
  await deps.store.setPaused(volunteerId, true);
  await noteAllPaused(deps, await deps.store.getLine());
}
