// A text to the line: carrier keywords, the crisis scan, then the conversation.
//
// Main course: a text -> no crisis language -> the texter is answered.
// Alternate courses: STOP/START/HELP (carrier meaning, STOP gets no reply from us: Twilio confirms it);
// crisis language -> the crisis reply and the clinician alert before anything touches the store; the
// store or the bus failing after that -> logged, the crisis reply stands.
import { detectCrisis } from '../crisis/detect-crisis.js';
import type { LineSettings } from '../line-settings.js';
import type { Clock, EventPublisher, Log } from '../ports.js';
import { promptsFor } from '../prompts/prompts.js';
import type { Language, SmsReply } from '../replies.js';
import { carrierKeyword } from './carrier-keywords.js';
import { crisisTextReply, escalationReference } from './crisis-text.js';

export interface TextDeps {
  readonly events: EventPublisher;
  readonly clock: Clock;
  readonly log: Log;
  /** Deploy-time settings: a crisis reply never waits on a store read. */
  readonly defaults: LineSettings;
}

export interface IncomingText {
  readonly messageSid: string;
  readonly from: string;
  readonly body: string;
}

const SPANISH_HINT =
  /\b(hola|gracias|ayuda|estoy|quiero|necesito|tengo|por favor|no puedo|me siento)\b|[ñ¿¡]/i;

/** A first guess at the texter's language from their own words, until they choose. */
export function guessLanguage(body: string): Language {
  return SPANISH_HINT.test(body) ? 'es' : 'en';
}

export async function handleIncomingText(deps: TextDeps, text: IncomingText): Promise<SmsReply> {
  const settings = deps.defaults;
  const language = guessLanguage(text.body);
  const prompts = promptsFor(language);
  switch (carrierKeyword(text.body)) {
    case 'stop':
      return { messages: [] };
    case 'start':
      return { messages: [{ body: prompts.smsResumed }] };
    case 'help':
      return { messages: [{ body: prompts.smsHelp(settings.crisisTextNumber) }] };
    default:
      break;
  }
  const assessment = detectCrisis(text.body);
  if (assessment.escalate) {
    const reference = escalationReference(text.messageSid);
    const kind = assessment.kind ?? 'unknown';
    const reply = crisisTextReply(settings, language, reference, kind);
    try {
      await deps.events.publish([
        {
          type: 'ContactEscalated',
          contactId: `s-${text.messageSid}`,
          channel: 'sms',
          trigger: 'texter-language',
          kind,
          reference,
        },
      ]);
    } catch (error) {
      deps.log.error('escalation event failed; the crisis reply was sent', {
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
    return reply;
  }
  return { messages: [{ body: prompts.smsNotYetStaffed(settings.crisisTextNumber) }] };
}
