// The volunteer's side of a voice call: whisper, press 1, the conference, the star menu, wrap-up.
//
// Main course: the dispatcher rings the volunteer -> whisper "press 1" -> a conditional claim on the
// contact (exactly one volunteer wins) -> conference -> the call ends -> wrap-up -> free again.
// Alternate courses: voicemail or silence (the whisper times out, never accepts), another key, the
// call already taken or the caller gone, no answer (a miss; several misses in a row pause the
// volunteer), star during the call (menu: add the crisis line, go back, end), replays (no-ops).

import { noteAllPaused } from '../dispatch/all-paused.js';
import { promptsFor } from '../prompts/prompts.js';
import { concernWords } from '../prompts/volunteer-texts.js';
import type { VoiceReply } from '../replies.js';
import { hangup, say } from '../replies.js';
import { releaseVolunteer } from './caller-call.js';
import { conferenceRoom, type VoiceDeps } from './voice-deps.js';

const en = promptsFor('en');
const ACCEPT_KEY = '1';

const offerQuery = (contactId: string, volunteerId: string) => ({ c: contactId, v: volunteerId });

export async function handleOfferAnswered(
  deps: VoiceDeps,
  contactId: string,
  volunteerId: string,
  whisperSeconds: number,
): Promise<VoiceReply> {
  const contact = await deps.store.getContact(contactId);
  const now = deps.clock.now();
  if (contact?.status !== 'queued' || contact.liveUntil <= now) {
    return { steps: [say(en.offerGone, 'en'), hangup()] };
  }
  const waited = Math.max(0, Math.round((now - (contact.queuedAt ?? contact.startedAt)) / 1000));
  return {
    steps: [
      {
        kind: 'gather',
        action: { route: 'offerInput', query: offerQuery(contactId, volunteerId) },
        numDigits: 1,
        timeoutSeconds: whisperSeconds,
        prompts: [
          say(
            en.whisper(
              en.languageName[contact.language],
              waited,
              contact.concern ? concernWords[contact.concern.kind] : undefined,
            ),
            'en',
          ),
        ],
      },
      // Voicemail and silence land here: they never accept.
      say(en.whisperMissed, 'en'),
      hangup(),
    ],
  };
}

export async function handleOfferInput(
  deps: VoiceDeps,
  contactId: string,
  volunteerId: string,
  digits: string | undefined,
): Promise<VoiceReply> {
  if (digits !== ACCEPT_KEY) return { steps: [say(en.whisperMissed, 'en'), hangup()] };
  const now = deps.clock.now();
  // The whole expected state: this offer still ringing (a late "completed" has not ended it), then the
  // contact still queued. Losing the second step hands the offer back, so only a winner's offer is accepted.
  const offerHeld = await deps.store.updateOffer(contactId, volunteerId, {
    expectStatus: ['ringing'],
    set: { status: 'accepted' },
  });
  const claimed =
    offerHeld &&
    (await deps.store.updateContact(contactId, {
      channel: 'voice',
      expectStatus: ['queued'],
      set: { status: 'connecting', volunteerId, answeredAt: now },
    }));
  if (offerHeld && !claimed)
    await deps.store.updateOffer(contactId, volunteerId, {
      expectStatus: ['accepted'],
      set: { status: 'released' },
    });
  if (!claimed) {
    const contact = await deps.store.getContact(contactId);
    // A replay of the winner's own key press: put them back in the room.
    if (contact?.volunteerId === volunteerId && contact.status !== 'ended')
      return joinConference(contactId, volunteerId);
    return { steps: [say(contact?.status === 'ended' ? en.offerGone : en.offerTaken, 'en'), hangup()] };
  }
  // The claim is the commitment: a failed volunteer update must not keep the caller from their bridge
  // (the tick frees a volunteer left in the wrong state).
  await deps.store
    .updateVolunteer(volunteerId, {
      set: { state: 'busy', contactId, missedOffers: 0 },
      remove: ['wrapUntil'],
    })
    .catch((error: unknown) =>
      deps.log.warn('volunteer not marked busy after a claim', {
        contactId,
        error: error instanceof Error ? error.name : 'unknown',
      }),
    );
  await deps.events.publish([{ type: 'ContactConnected', contactId, channel: 'voice', volunteerId }]);
  return joinConference(contactId, volunteerId, en.volunteerConnected);
}

/** The dispatcher sends the other ringing volunteers here once one has accepted. */
export function offerTakenReply(): VoiceReply {
  return { steps: [say(en.offerTaken, 'en'), hangup()] };
}

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
        action: { route: 'volunteerInput', query: offerQuery(contactId, volunteerId) },
      },
    ],
  };
}

/** Star pressed, or the conference is over: the menu while the call lives, a goodbye after. */
export async function handleVolunteerInput(
  deps: VoiceDeps,
  contactId: string,
  volunteerId: string,
  digits: string | undefined,
  fromMenu: boolean,
): Promise<VoiceReply> {
  const contact = await deps.store.getContact(contactId);
  const line = await deps.store.getLine();
  const wrapUp = line.settings.wrapUpSeconds;
  if (contact?.status !== 'connected' || contact.volunteerId !== volunteerId) {
    return { steps: [say(en.volunteerCallEnded(wrapUp), 'en'), hangup()] };
  }
  if (!fromMenu) {
    await deps.events.publish([{ type: 'VolunteerSteppedOut', contactId, channel: 'voice', volunteerId }]);
    return {
      steps: [
        {
          kind: 'gather',
          action: { route: 'volunteerInput', query: { ...offerQuery(contactId, volunteerId), m: '1' } },
          numDigits: 1,
          timeoutSeconds: 6,
          prompts: [say(en.volunteerMenu, 'en')],
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
    return { steps: [say(en.volunteerCallEnded(wrapUp), 'en'), hangup()] };
  }
  return joinConference(contactId, volunteerId);
}

/**
 * The volunteer steps out of a live call. The contact is the caller's: it ends with the caller's leg, so the
 * volunteer only wraps up here, and the dispatcher tells the caller goodbye unless the crisis line is with them.
 */
async function leaveConversation(deps: VoiceDeps, contactId: string, volunteerId: string): Promise<void> {
  const left = await releaseVolunteer(deps, volunteerId, contactId);
  if (left) await deps.events.publish([{ type: 'VolunteerLeft', contactId, channel: 'voice', volunteerId }]);
}

const FINAL_CALL_STATUSES = ['completed', 'busy', 'no-answer', 'canceled', 'failed'];

/**
 * The volunteer's leg has ended. If they had the call, they leave it (the caller's leg ends the contact);
 * otherwise the offer is over: a miss when the caller was still waiting, not a miss when someone else took it or the caller left.
 */
export async function handleOfferStatus(
  deps: VoiceDeps,
  contactId: string,
  volunteerId: string,
  callStatus: string,
): Promise<void> {
  if (!FINAL_CALL_STATUSES.includes(callStatus)) return;
  const contact = await deps.store.getContact(contactId);
  if (!contact) return;
  if (contact.volunteerId === volunteerId) {
    if (contact.status === 'connecting' || contact.status === 'connected')
      await leaveConversation(deps, contactId, volunteerId);
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
async function pauseOnLine(deps: VoiceDeps, volunteerId: string): Promise<void> {
  await deps.store.setPaused(volunteerId, true);
  await noteAllPaused(deps, await deps.store.getLine());
}
