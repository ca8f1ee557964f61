// Settings for a local run: every one has a safe default, so `npm start` needs no account and no setup.
import { parseRuntimeConfig, type RuntimeConfig } from '../../functions/config.js';

/** Local-only secrets: printed at start, useless anywhere else. */
export const LOCAL_DEFAULTS = {
  TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
  TWILIO_AUTH_TOKEN: 'local-auth-token-not-a-secret',
  CALLER_KEY_PEPPER: 'local-pepper-not-a-secret',
  SESSION_KEY: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
  TABLE_NAME: 'warmline-local',
  EVENT_BUS_NAME: 'warmline-local',
  LINE_NUMBER: '+15550100000',
  CLINICIAN_NUMBER: '+15550100911',
  COORDINATOR_NUMBERS: '+15550100900',
  CRISIS_NUMBER: '988',
  CRISIS_TEXT_NUMBER: '988',
  CRISIS_BACKUP_NUMBER: '+15550100988',
} as const;

/** The path under the runner where the built-in Twilio simulator answers REST calls. */
export const SIMULATOR_API_PATH = '/twilio-api';

export function localConfig(env: Record<string, string | undefined>, origin: string): RuntimeConfig {
  const withDefaults: Record<string, string | undefined> = { ...LOCAL_DEFAULTS };
  for (const [name, value] of Object.entries(env))
    if (value !== undefined && value !== '') withDefaults[name] = value;
  withDefaults.PUBLIC_BASE_URL ??= origin;
  withDefaults.TWILIO_API_BASE ??= `${origin}${SIMULATOR_API_PATH}`;
  return parseRuntimeConfig(withDefaults);
}
