// The line's deploy-time settings: what the configuration says, before any coordinator edits.
import type { LineSettings } from '../../flows/line-settings.js';
import {
  DEFAULT_HOLD_LOOP_SECONDS,
  DEFAULT_LINE_HOURS,
  DEFAULT_SURVEY,
  DEFAULT_WRAP_UP_CODES,
  MAX_HOLD_CLIP_SECONDS,
} from '../../flows/standard-settings.js';
import type { RuntimeConfig } from '../config.js';

export function lineDefaults(config: RuntimeConfig): LineSettings {
  return {
    lineNumber: config.LINE_NUMBER,
    crisisNumber: config.CRISIS_NUMBER,
    crisisTextNumber: config.CRISIS_TEXT_NUMBER,
    ...(config.CRISIS_BACKUP_NUMBER ? { crisisBackupNumber: config.CRISIS_BACKUP_NUMBER } : {}),
    ...(config.HOLD_AUDIO_URL ? { holdAudioUrl: config.HOLD_AUDIO_URL } : {}),
    clinicianNumber: config.CLINICIAN_NUMBER,
    coordinatorNumbers: config.COORDINATOR_NUMBERS,
    timeZone: config.LINE_TIMEZONE,
    hours: DEFAULT_LINE_HOURS,
    ringGroupSize: 3,
    offerRingSeconds: 20,
    whisperSeconds: 8,
    maxWaitSeconds: 600,
    overflow: { kind: 'resources' },
    missedOffersBeforePause: 3,
    wrapUpSeconds: 60,
    holdLoopSeconds: DEFAULT_HOLD_LOOP_SECONDS,
    textInactivityMinutes: 30,
    textWaitMinutes: 120,
    voiceIntake: false,
    allowOnOutsideRoster: true,
    shiftReminderMinutes: 30,
    liveStateHours: 6,
    clinicianLanguage: 'en',
    coordinatorLanguages: {},
    holdAudioSeconds: MAX_HOLD_CLIP_SECONDS,
    supervisionEnabled: true,
    coachingEnabled: true,
    survey: DEFAULT_SURVEY,
    wrapUpCodes: DEFAULT_WRAP_UP_CODES,
  };
}
