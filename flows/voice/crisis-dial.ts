// The caller's crisis path: dial the crisis line from the line's number, needing nothing but configuration.
//
// Main course: 9 (or crisis words) -> "connecting you" -> <Dial> the crisis number -> the call ends when the
// caller and the counsellor are done.
// Alternate courses: busy, no answer or refused (short codes such as 988 are refused on some routes) -> the
// backup number; that fails too, or there is none -> the crisis text option and the number read out, then a
// loop that offers 9 again; a partner line that does not answer -> the same loop; a warm transfer whose crisis
// leg failed or hung up with nobody else in the room (warmTransferFallback) -> the backup, or 9 again. Never silence, and every
// step runs from what the signed action URL carries, so it works with the store and the bus down.
import type { LineSettings } from '../line-settings.js';
import { spokenTo } from '../prompts/prompts.js';
import type { ActionTarget, Language, VoiceReply } from '../replies.js';
import { hangup } from '../replies.js';
import { type WebhookQuery, webhookTarget } from '../webhook-query.js';
import { MAX_TROUBLE_LOOPS } from './safe-reply.js';

export const CRISIS_KEY = '9';

/** What a crisis dial needs. */
export type CrisisLines = Pick<LineSettings, 'crisisNumber' | 'crisisTextNumber' | 'crisisBackupNumber'>;

/** How long a crisis number rings, whether dialled for the caller or added to a warm transfer's room. */
export const CRISIS_RING_SECONDS = 30;
const DIAL_TIMEOUT_SECONDS = CRISIS_RING_SECONDS;

/** Which number a crisis dial is on: the first, the backup, or a partner line (overflow). */
type Attempt = NonNullable<WebhookQuery<'crisisDialEnded'>['attempt']>;

/**
 * Only the crisis number is carried: the text and backup numbers are deploy-time configuration. A caller
 * who pressed 9 before choosing a language carries none, and hears every step in both.
 */
function crisisDialEndedTarget(
  lines: CrisisLines,
  language: Language | undefined,
  progress: { readonly attempt: Attempt } | { readonly troubleLoops: number },
): ActionTarget {
  return webhookTarget('crisisDialEnded', { crisisNumber: lines.crisisNumber, language, ...progress });
}

const dialEnded = (lines: CrisisLines, language: Language | undefined, attempt: Attempt): ActionTarget =>
  crisisDialEndedTarget(lines, language, { attempt });

export function crisisDialReply(
  lines: CrisisLines,
  lineNumber: string,
  language: Language | undefined,
): VoiceReply {
  return {
    steps: [
      ...spokenTo(language, (words) => words.connectingCrisis),
      {
        kind: 'dial-number',
        number: lines.crisisNumber,
        callerId: lineNumber,
        timeoutSeconds: DIAL_TIMEOUT_SECONDS,
        action: dialEnded(lines, language, 'first'),
      },
    ],
  };
}

/** Overflow to a partner line: if it does not answer, the caller gets the crisis options, not a hang-up. */
export function partnerDialReply(
  lines: CrisisLines,
  partnerNumber: string,
  lineNumber: string,
  language: Language,
): VoiceReply {
  return {
    steps: [
      ...spokenTo(language, (words) => words.overflowPartner),
      {
        kind: 'dial-number',
        number: partnerNumber,
        callerId: lineNumber,
        timeoutSeconds: DIAL_TIMEOUT_SECONDS,
        action: dialEnded(lines, language, 'partner'),
      },
    ],
  };
}

export interface CrisisDialOutcome {
  /** DialCallStatus of the <Dial> that just ended; absent when the caller pressed a key in the loop. */
  readonly dialStatus?: string;
  readonly attempt?: Attempt;
  readonly digits?: string;
  /** Times the caller has already heard the crisis options loop (`t`). */
  readonly loops: number;
}

/** The action of every crisis and partner <Dial>, and of the loop that follows a failed one. */
export function crisisDialEnded(
  lines: CrisisLines,
  lineNumber: string,
  language: Language | undefined,
  outcome: CrisisDialOutcome,
): VoiceReply {
  // The counsellor (or the partner) and the caller talked, and one of them hung up.
  if (outcome.dialStatus === 'completed' || outcome.dialStatus === 'answered') return { steps: [hangup()] };
  if (outcome.digits === CRISIS_KEY) return crisisDialReply(lines, lineNumber, language);
  const backup = lines.crisisBackupNumber;
  if (outcome.dialStatus && outcome.attempt === 'first' && backup && backup !== lines.crisisNumber) {
    return {
      steps: [
        ...spokenTo(language, (words) => words.crisisTryingBackup),
        {
          kind: 'dial-number',
          number: backup,
          callerId: lineNumber,
          timeoutSeconds: DIAL_TIMEOUT_SECONDS,
          action: dialEnded(lines, language, 'backup'),
        },
      ],
    };
  }
  if (outcome.loops >= MAX_TROUBLE_LOOPS)
    return {
      steps: [...spokenTo(language, (words) => words.troubleGoodbye(lines.crisisNumber)), hangup()],
    };
  const loop = crisisDialEndedTarget(lines, language, { troubleLoops: outcome.loops + 1 });
  return {
    steps: [
      ...(outcome.attempt === 'partner' ? spokenTo(language, (words) => words.partnerUnreachable) : []),
      {
        kind: 'gather',
        action: loop,
        numDigits: 1,
        timeoutSeconds: 8,
        prompts: spokenTo(language, (words) =>
          words.crisisUnreachable(lines.crisisNumber, lines.crisisTextNumber),
        ),
      },
      { kind: 'redirect', to: loop },
    ],
  };
}

/**
 * The caller of a warm transfer is alone in the room: the crisis line never joined (its backup is tried, as after
 * a failed dial) or the counsellor hung up after the volunteer had gone (9 reaches them again, then a goodbye).
 */
export function warmTransferFallback(
  lines: CrisisLines,
  lineNumber: string,
  language: Language,
  counsellorJoined: boolean,
): VoiceReply {
  if (!counsellorJoined)
    return crisisDialEnded(lines, lineNumber, language, {
      dialStatus: 'no-answer',
      attempt: 'first',
      loops: 0,
    });
  return {
    steps: [
      {
        kind: 'gather',
        action: crisisDialEndedTarget(lines, language, { troubleLoops: 1 }),
        numDigits: 1,
        timeoutSeconds: 8,
        prompts: spokenTo(language, (words) =>
          words.crisisCounsellorLeft(lines.crisisNumber, lines.crisisTextNumber),
        ),
      },
      ...spokenTo(language, (words) => words.thanksForCalling),
      hangup(),
    ],
  };
}

/** The carried crisis number with the deploy-time text and backup numbers: configuration only. */
export function crisisLinesFor(defaults: CrisisLines, crisisNumber: string): CrisisLines {
  return {
    crisisNumber,
    crisisTextNumber: defaults.crisisTextNumber,
    ...(defaults.crisisBackupNumber ? { crisisBackupNumber: defaults.crisisBackupNumber } : {}),
  };
}
