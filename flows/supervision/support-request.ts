// SUPPORT: a volunteer asks the supervisor on shift to join their call or conversation, or to call them after.
//
// Main course: SUPPORT (during a call) or SUPPORT B (a text conversation) -> each on-shift supervisor is texted
// the volunteer's name, the contact's reference and how to LISTEN or COACH -> the volunteer is told it was sent.
// Alternate courses: no supervisor on shift (the volunteer is told so honestly, the coordinators are alerted);
// supervision switched off; the volunteer is on no call and no conversation by that tag (told, nobody texted);
// a replayed webhook (same MessageSid: acknowledged again, nobody texted twice).
import type { Contact, Volunteer } from '../model.js';
import type { SmsReply, TextMessage } from '../replies.js';
import { openTags, REPLAY_WINDOW_SECONDS, type TextDeps } from '../sms/text-deps.js';
import { contactReference } from './contact-reference.js';
import { supervisionTexts } from './supervision-texts.js';

const reply = (body: string): SmsReply => ({ messages: [{ body }] });

export async function askForSupport(
  deps: TextDeps<'firstTime' | 'getContact' | 'getLine' | 'listOnShift'>,
  volunteer: Volunteer,
  tag: string | undefined,
  messageSid: string,
): Promise<SmsReply> {
  const { settings } = await deps.store.getLine();
  if (!settings.supervisionEnabled) return reply(supervisionTexts.supportOff);
  const contact = await contactInHand(deps, volunteer, tag);
  if (!contact) return reply(supervisionTexts.supportNoContact);
  const reference = contactReference(contact.contactId);
  const supervisors = (await deps.store.listOnShift()).filter(
    (peer) => peer.supervisor && peer.active && peer.onShift && peer.volunteerId !== volunteer.volunteerId,
  );
  const answer = reply(
    supervisors.length > 0 ? supervisionTexts.supportSent(reference) : supervisionTexts.supportNobody,
  );
  // Twilio retries and replays carry the same MessageSid: the supervisor is asked once.
  if (!(await deps.store.firstTime(`support#${messageSid}`, REPLAY_WINDOW_SECONDS))) return answer;
  if (supervisors.length === 0) {
    await deps.events.publish([
      {
        type: 'SupportUnanswered',
        contactId: contact.contactId,
        channel: contact.channel,
        reference,
        requestId: messageSid,
      },
    ]);
    return answer;
  }
  const asks: TextMessage[] = supervisors.map((supervisor) => ({
    to: deps.vault.open(supervisor.phoneSealed),
    body: supervisionTexts.supportAsked(volunteer.name, contact.channel, reference),
  }));
  return { messages: [...answer.messages, ...asks] };
}

/** The live contact the volunteer means: the tagged conversation, else their call, else their latest conversation. */
async function contactInHand(
  deps: TextDeps<'getContact'>,
  volunteer: Volunteer,
  tag: string | undefined,
): Promise<Contact | undefined> {
  const callId = !tag && volunteer.state === 'busy' ? volunteer.contactId : undefined;
  const chosenTag = tag ?? volunteer.latestTag ?? openTags(volunteer).at(-1);
  const contactId = callId ?? (chosenTag ? volunteer.textSessions?.[chosenTag] : undefined);
  const contact = contactId ? await deps.store.getContact(contactId) : undefined;
  const now = deps.clock.now();
  const live =
    contact &&
    contact.status !== 'ended' &&
    contact.liveUntil > now &&
    contact.volunteerId === volunteer.volunteerId;
  return live ? contact : undefined;
}
