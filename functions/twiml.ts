// The one place replies become TwiML, written with our own small XML writer rather than Twilio's builders.
import type {
  ActionTarget,
  Language,
  SmsReply,
  SpokenStep,
  VoiceReply,
  VoiceStep,
} from '../flows/replies.js';
import { TWILIO_PATHS } from '../flows/webhook-paths.js';
import { writeXmlDocument, type XmlElement } from './xml-document.js';

const TWILIO_LANGUAGE: Record<Language, string> = { en: 'en-US', es: 'es-US' };

export function actionUrl(publicBaseUrl: string, target: ActionTarget): string {
  const query = new URLSearchParams(target.query ?? {}).toString();
  return `${publicBaseUrl}${TWILIO_PATHS[target.route]}${query ? `?${query}` : ''}`;
}

function spoken(step: SpokenStep): XmlElement {
  switch (step.kind) {
    case 'say':
      return { name: 'Say', attributes: { language: TWILIO_LANGUAGE[step.language] }, content: step.text };
    case 'play':
      return { name: 'Play', attributes: { loop: step.times }, content: step.url };
    case 'pause':
      return { name: 'Pause', attributes: { length: step.seconds } };
  }
}

// Attribute order follows what Twilio's builders were given, so the documents stay byte for byte the same.
function verb(step: VoiceStep, url: (target: ActionTarget) => string): XmlElement {
  switch (step.kind) {
    case 'say':
    case 'pause':
    case 'play':
      return spoken(step);
    case 'gather':
      return {
        name: 'Gather',
        attributes: {
          action: url(step.action),
          method: 'POST',
          numDigits: step.numDigits,
          timeout: step.timeoutSeconds,
          actionOnEmptyResult: false,
          ...(step.speechLanguage
            ? { input: 'dtmf speech', language: TWILIO_LANGUAGE[step.speechLanguage], speechTimeout: 'auto' }
            : { input: 'dtmf' }),
        },
        content: step.prompts.map(spoken),
      };
    case 'redirect':
      return { name: 'Redirect', attributes: { method: 'POST' }, content: url(step.to) };
    case 'dial-number':
      return {
        name: 'Dial',
        attributes: {
          callerId: step.callerId,
          ...(step.timeoutSeconds ? { timeout: step.timeoutSeconds } : {}),
          ...(step.action ? { action: url(step.action), method: 'POST' } : {}),
        },
        content: [{ name: 'Number', content: step.number }],
      };
    case 'dial-conference':
      return {
        name: 'Dial',
        attributes: {
          hangupOnStar: step.hangupOnStar,
          ...(step.action ? { action: url(step.action), method: 'POST' } : {}),
        },
        content: [
          {
            name: 'Conference',
            attributes: {
              startConferenceOnEnter: true,
              endConferenceOnExit: step.endConferenceOnExit,
              beep: 'false',
            },
            content: step.room,
          },
        ],
      };
    case 'hangup':
      return { name: 'Hangup' };
  }
}

export function renderVoice(reply: VoiceReply, publicBaseUrl: string): string {
  const url = (target: ActionTarget) => actionUrl(publicBaseUrl, target);
  return writeXmlDocument({ name: 'Response', content: reply.steps.map((step) => verb(step, url)) });
}

export function renderSms(reply: SmsReply): string {
  return writeXmlDocument({
    name: 'Response',
    content: reply.messages.map((message) => ({
      name: 'Message',
      ...(message.to ? { attributes: { to: message.to } } : {}),
      content: message.body,
    })),
  });
}
