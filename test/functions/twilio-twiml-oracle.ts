// The renderer as it was before functions/twiml.ts wrote its own XML: Twilio's builders, kept only as the
// oracle that the hand-written TwiML must match byte for byte.
import MessagingResponse from 'twilio/lib/twiml/MessagingResponse.js';
import VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';
import type { ActionTarget, Language, SmsReply, SpokenStep, VoiceReply } from '../../flows/replies.js';
import { actionUrl } from '../../functions/twiml.js';

const SAY_LANGUAGE: Record<Language, VoiceResponse.SayAttributes['language']> = { en: 'en-US', es: 'es-US' };
const SPEECH_LANGUAGE: Record<Language, VoiceResponse.GatherAttributes['language']> = {
  en: 'en-US',
  es: 'es-US',
};

type Speaker =
  | Pick<VoiceResponse, 'say' | 'pause' | 'play'>
  | Pick<VoiceResponse.Gather, 'say' | 'pause' | 'play'>;

function speak(into: Speaker, step: SpokenStep): void {
  if (step.kind === 'say') into.say({ language: SAY_LANGUAGE[step.language] }, step.text);
  else if (step.kind === 'play') into.play({ loop: step.times }, step.url);
  else into.pause({ length: step.seconds });
}

export function renderVoiceWithTwilio(reply: VoiceReply, publicBaseUrl: string): string {
  const twiml = new VoiceResponse();
  const url = (target: ActionTarget) => actionUrl(publicBaseUrl, target);
  for (const step of reply.steps) {
    switch (step.kind) {
      case 'say':
      case 'pause':
      case 'play':
        speak(twiml, step);
        break;
      case 'gather': {
        const gather = twiml.gather({
          action: url(step.action),
          method: 'POST',
          numDigits: step.numDigits,
          timeout: step.timeoutSeconds,
          actionOnEmptyResult: false,
          ...(step.speechLanguage
            ? {
                input: ['dtmf', 'speech'],
                language: SPEECH_LANGUAGE[step.speechLanguage],
                speechTimeout: 'auto',
              }
            : { input: ['dtmf'] }),
        });
        for (const prompt of step.prompts) speak(gather, prompt);
        break;
      }
      case 'redirect':
        twiml.redirect({ method: 'POST' }, url(step.to));
        break;
      case 'dial-number': {
        const dial = twiml.dial({
          callerId: step.callerId,
          ...(step.timeoutSeconds ? { timeout: step.timeoutSeconds } : {}),
          ...(step.action ? { action: url(step.action), method: 'POST' } : {}),
        });
        dial.number(step.number);
        break;
      }
      case 'dial-conference': {
        const dial = twiml.dial({
          hangupOnStar: step.hangupOnStar,
          ...(step.action ? { action: url(step.action), method: 'POST' } : {}),
        });
        dial.conference(
          { startConferenceOnEnter: true, endConferenceOnExit: step.endConferenceOnExit, beep: 'false' },
          step.room,
        );
        break;
      }
      case 'hangup':
        twiml.hangup();
        break;
    }
  }
  return twiml.toString();
}

export function renderSmsWithTwilio(reply: SmsReply): string {
  const twiml = new MessagingResponse();
  for (const message of reply.messages) {
    if (message.to) twiml.message({ to: message.to }, message.body);
    else twiml.message(message.body);
  }
  return twiml.toString();
}
