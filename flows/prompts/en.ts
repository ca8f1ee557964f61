// English words of the line.
import { QUEUE_AHEAD_CAP } from '../ports.js';
import type { Prompts } from './prompts.js';
import { digitsForSpeech } from './prompts.js';

/** "2 hours", "90 minutes": a wait said the way people say it. */
const duration = (minutes: number): string =>
  minutes % 60 === 0
    ? `${minutes / 60} hour${minutes === 60 ? '' : 's'}`
    : `${minutes} minute${minutes === 1 ? '' : 's'}`;

export const english: Prompts = {
  welcome: (lineName) => `Hello, and thank you for calling ${lineName ?? 'the warmline'}.`,
  peerNotCrisis:
    "This is a peer support line, not a crisis line. You'll talk with a trained volunteer who has been through hard times too.",
  chooseSpanish: 'Para español, oprima 2.',
  crisisOption: (crisisNumber) =>
    `If you are in danger or thinking about ending your life, press 9 at any time to reach the crisis line, ${digitsForSpeech(crisisNumber)}.`,
  intakeQuestion: 'While we find a volunteer: in a few words, how are you doing today?',
  holdPosition: (position) =>
    position <= 1
      ? 'You are next in line.'
      : position > QUEUE_AHEAD_CAP
        ? `There are ${QUEUE_AHEAD_CAP} or more people ahead of you.`
        : `There ${position === 2 ? 'is 1 person' : `are ${position - 1} people`} ahead of you.`,
  holdReassurance: 'Thank you for waiting. A peer volunteer will be with you as soon as one is free.',
  holdOptions:
    'To keep holding, stay on the line. To get a text when a peer is free, press 1. For the crisis line, press 9.',
  holdOptionsWithoutTextBack: 'To keep holding, stay on the line. For the crisis line, press 9.',
  textBackConfirmed:
    'Thank you. We will text you at this number as soon as a peer is free. Take care until then. Goodbye.',
  connecting: 'A peer volunteer is ready. Connecting you now.',
  callEndedByPeer: 'Your peer volunteer has ended the call. Thank you for calling the warmline. Take care.',
  thanksForCalling: 'Thank you for calling the warmline. Take care.',
  closedNow: (opensAt, crisisNumber) =>
    `The warmline is closed right now.${opensAt ? ` We open again ${opensAt}.` : ''} If you need to talk to someone now, the crisis line is open at any hour at ${digitsForSpeech(crisisNumber)}.${opensAt ? ' You can also text this number: your message will wait, and the first peer free after we open will text you back.' : ''}`,
  unstaffedNow: (crisisNumber, waitMinutes) =>
    `We're sorry, no peer volunteer is available right now. If you need to talk to someone now, the crisis line is open at any hour at ${digitsForSpeech(crisisNumber)}. You can also text this number: your message will wait, and if a peer comes on shift within ${duration(waitMinutes)}, they will text you back.`,
  textWhenOpen: 'Press 9 now to be connected to the crisis line, or hang up to end the call.',
  blocked: 'This line is not able to take your call. Goodbye.',
  overflowPartner: 'All our volunteers are still busy. We are connecting you to a partner line now.',
  overflowTextBack:
    'All our volunteers are still busy. We will text you at this number as soon as a peer is free. Take care until then.',
  overflowResources: (crisisNumber) =>
    `All our volunteers are still busy, and we're sorry for the wait. Please try us again later. If you need someone now, the crisis line is open at any hour at ${digitsForSpeech(crisisNumber)}.`,
  connectingCrisis: 'Connecting you to the crisis line now. Please stay on the line.',
  peerStillHere:
    'Your peer volunteer is still with you and will be back in a moment. Please stay on the line.',
  crisisTryingBackup:
    'The crisis line did not answer. We are trying another crisis line for you now. Please stay on the line.',
  crisisUnreachable: (crisisNumber, crisisTextNumber) =>
    `We're sorry, we could not reach the crisis line just now. You can text ${digitsForSpeech(crisisTextNumber)} to reach a crisis counsellor, or call ${digitsForSpeech(crisisNumber)} yourself. If you are in immediate danger, call 9 1 1. Press 9 to try the crisis line again, or stay on the line.`,
  crisisCounsellorLeft: (crisisNumber, crisisTextNumber) =>
    `The crisis counsellor has left the call. To reach the crisis line again, press 9. You can also text ${digitsForSpeech(crisisTextNumber)} or call ${digitsForSpeech(crisisNumber)} yourself at any hour. If you are in immediate danger, call 9 1 1.`,
  partnerUnreachable: 'The partner line did not answer.',
  technicalTrouble: (crisisNumber) =>
    `We're sorry, the warmline is having a technical problem. If you need help now, press 9 to reach the crisis line, ${digitsForSpeech(crisisNumber)}. Otherwise please stay on the line while we keep trying.`,
  stillTrying: 'Thank you for holding.',
  troubleGoodbye: (crisisNumber) =>
    `We're sorry, we still can't connect you. Please call again soon. If you need help now, call the crisis line at ${digitsForSpeech(crisisNumber)}. Goodbye.`,
  volunteerTrouble:
    'Sorry, the warmline had a technical problem with this call. The caller will be offered again. Goodbye.',
  escalationNotice: (channel, kind, reference) =>
    `Warmline: a ${channel === 'voice' ? 'call' : 'text conversation'} was escalated to the crisis line (${kind})${reference ? `, ref ${reference}` : ''}. No caller details are sent by text.`,
  lineUnstaffedNotice:
    'Warmline: the line is open but nobody is on shift right now. Callers are hearing the crisis number.',
  lineAllPausedNotice: (volunteers) =>
    `Warmline: ${volunteers === 1 ? 'the volunteer' : `all ${volunteers} volunteers`} on shift ${volunteers === 1 ? 'is' : 'are'} paused after missed calls, so callers are hearing the crisis number. A volunteer can text ON to take calls again.`,
  supportUnansweredNotice: (channel, reference) =>
    `Warmline: a volunteer asked for support on ${channel === 'voice' ? 'call' : 'text conversation'} ${reference}, but no supervisor is on shift. They were told nobody could be asked.`,
  routingChangeNotice: (confirmed, fields) =>
    confirmed
      ? `Warmline: a second coordinator confirmed the change to the ${fields.join(', ')}. It takes effect on the next call.`
      : `Warmline: a coordinator proposed changing the ${fields.join(', ')}. It waits for a second coordinator to confirm it in the console; if you did not expect this, check now.`,
  volunteerPausedNotice: (missedOffers) =>
    `Warmline: we paused your calls after ${missedOffers} missed offers in a row. Text ON when you're ready for calls again.`,
  smsCrisisReply: (crisisNumber, crisisTextNumber) =>
    `It sounds like you might be in danger, and you deserve help right now. Please call ${crisisNumber} or text ${crisisTextNumber} to reach a crisis counsellor any time. If you are in immediate danger, call 911. A clinician from our team has been alerted.`,
  clinicianTextAlert: (reference, kind) =>
    `Warmline CRISIS (text, ${kind}). Ref ${reference}. Reply CALL ${reference} to be connected by phone through the line.`,
  smsBlocked: 'Warmline: this line is not able to take your messages.',
  smsLanguageChanged:
    "Warmline: we'll carry on in English. You're still in line; a peer will text you as soon as one is free.",
  smsHelp: (crisisNumber) =>
    `Warmline: free, confidential peer support by text and phone. Reply STOP to stop messages. In a crisis, call or text ${crisisNumber}.`,
  smsResumed: 'Warmline: you will get our messages again. Text us any time.',
  smsWelcome: (crisisTextNumber, lineName) =>
    `Hi, this is ${lineName ?? 'the warmline'}: peer support by text, not a crisis line. A trained peer volunteer will text you back as soon as one is free. Reply STOP to stop messages. In a crisis, call or text ${crisisTextNumber} any time.`,
  smsQueueStatus: (position) =>
    `Thanks, you're still in line${position > 1 ? ` (${position > QUEUE_AHEAD_CAP ? `${QUEUE_AHEAD_CAP} or more` : position - 1} ahead of you)` : ' and next up'}. A peer will text you as soon as one is free.`,
  smsPeerJoined: 'A peer volunteer is here and reading your messages now. What would you like to talk about?',
  smsClosedNow: (opensAt, crisisTextNumber) =>
    `The warmline is closed right now.${opensAt ? ` We open again ${opensAt}. Your message is saved: the first peer volunteer free after we open will text you back here. Reply STOP to stop messages.` : ''} In a crisis, call or text ${crisisTextNumber} any time.`,
  smsUnstaffed: (crisisTextNumber, waitMinutes) =>
    `We're sorry, no peer volunteer is on shift right now. Your message is saved: if a peer comes on shift within ${duration(waitMinutes)}, they will text you back here. Reply STOP to stop messages. In a crisis, call or text ${crisisTextNumber} any time.`,
  smsTextBack: (lineName) =>
    `This is ${lineName ?? 'the warmline'}. You asked us to text you: a peer is here now. Reply here to talk. Reply STOP to stop messages.`,
  smsUnanswered: (crisisTextNumber, textBack, lineName) =>
    `${textBack ? `This is ${lineName ?? 'the warmline'}. You asked us to text you back. ` : ''}We're sorry: no peer volunteer was free to answer in time, so we've closed your place in line. Text us again whenever you like. If you need someone now, call or text ${crisisTextNumber} any time; in immediate danger, call 911.`,
  smsEndedByPeer:
    'Your peer volunteer has ended this conversation. Thank you for reaching out. Text any time to start a new one.',
  smsInactiveClosed:
    "We haven't heard from you in a while, so we've closed this conversation. Take care, and text any time to start a new one.",
  surveyReask: "Sorry, we didn't catch that. If you'd like to answer:",
  smsPassedBack: "Your peer had to step away. You're back in line and another peer will text you soon.",
  smsNotDelivered:
    "Warmline: sorry, your last message couldn't be delivered to your peer. Please send it again.",
  smsTrouble: (crisisNumber, crisisTextNumber) =>
    `Warmline: sorry, we couldn't handle your message just now. Please text again in a few minutes. If you need help now, call ${crisisNumber} or text ${crisisTextNumber} any time.`,
  whisper: (language, waitedSeconds, flagged) =>
    `Warmline caller, ${language}, waiting ${waitedSeconds < 60 ? `${waitedSeconds} seconds` : `${Math.round(waitedSeconds / 60)} minutes`}.${flagged ? ` Flagged: ${flagged}; please ask directly about safety.` : ''} Press 1 to accept.`,
  whisperMissed: 'No key was pressed. We will offer the call to someone else. Goodbye.',
  offerGone: 'This caller is no longer waiting. Thank you.',
  offerTaken: 'Another volunteer has taken this call. Thank you for being there.',
  volunteerConnected: 'You are connected. Press star at any time for options.',
  volunteerMenu:
    'Options. Press 1 to add the crisis line to this call. Press 2 to go back to the caller. Press 3 to end the call.',
  warmTransferStarted:
    'Adding the crisis line now. Stay with the caller until the counsellor speaks; then you may hang up.',
  warmTransferUnreached:
    'The crisis line did not connect. You are back with the caller. Press star, then 1, to try the crisis line again.',
  volunteerCallEnded: (wrapUpSeconds) =>
    `The call has ended. Take a breath. You will be available again in ${wrapUpSeconds} seconds. Thank you.`,
  offerCallerLeft: 'The caller hung up before you joined. Thank you for answering.',
  offerWrongKey: 'That key is not an option: press 1 to accept.',
  offerWrongKeyLimit: 'That key is not an option. We will offer the call to someone else. Goodbye.',
  callerLeftCall: (wrapUpSeconds) =>
    `The caller has left the call. Take a breath. You will be available again in ${wrapUpSeconds} seconds. Thank you.`,
  wrapUpAsk: (topics, referrals) =>
    `Wrap-up codes: topics, star, referral, star, 1 if you had a safety concern or 0 if not, then pound. Pound alone skips. Topics: ${topics}. Referral: ${referrals}.`,
  wrapUpSaved: 'Codes saved. Thank you. Goodbye.',
  wrapUpSkipped: 'No codes saved. Thank you. Goodbye.',
  wrapUpNotUnderstood: 'A number was not on the list. Please enter the codes again, or press pound to skip.',
  wrapUpAlready: 'Codes were already saved for this call. Thank you. Goodbye.',
  wrapUpTextAsk: (tag, topics, referrals) =>
    `[${tag}] Wrap-up codes, if you like: reply CODES ${tag}, the topic numbers, R and the referral number, S1 for a safety concern or S0 for none, e.g. CODES ${tag} 1 3 R2 S0. Or CODES ${tag} SKIP. Topics: ${topics}. Referral: ${referrals}.`,
  wrapUpTextSaved: (tag) => `[${tag}] Wrap-up codes saved. Thank you.`,
  wrapUpTextSkipped: (tag) => `[${tag}] No wrap-up codes saved. Thank you.`,
  wrapUpTextNotUnderstood: (tag, topics, referrals) =>
    `[${tag}] Codes not saved: use topic numbers, R and a referral number, S1 or S0, e.g. CODES ${tag} 1 3 R2 S0. Topics: ${topics}. Referral: ${referrals}.`,
  wrapUpTextAlready: (tag) => `[${tag}] Wrap-up codes were already saved for this conversation.`,
  wrapUpTextNothingDue: (tag) =>
    tag
      ? `Warmline: no ended conversation [${tag}] is waiting for wrap-up codes.`
      : 'Warmline: no ended conversation is waiting for wrap-up codes.',
  languageName: { en: 'English', es: 'Spanish' },
  spokenNumber: digitsForSpeech,
};
