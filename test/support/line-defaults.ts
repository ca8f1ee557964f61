// Line defaults from a complete test configuration, so they match what a deployed line starts with.
import type { LineSettings } from '../../flows/line-settings.js';
import { lineDefaults } from '../../functions/app/line-defaults.js';
import { parseRuntimeConfig } from '../../functions/config.js';

export const testLineDefaults: LineSettings = lineDefaults(
  parseRuntimeConfig({
    PUBLIC_BASE_URL: 'https://line.example.org',
    TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
    TWILIO_AUTH_TOKEN: 'token-for-tests',
    CALLER_KEY_PEPPER: 'pepper-for-tests-0123',
    SESSION_KEY: 'a'.repeat(64),
    TABLE_NAME: 'warmline',
    EVENT_BUS_NAME: 'warmline',
    LINE_NUMBER: '+15550001111',
    CLINICIAN_NUMBER: '+15550002222',
  }),
);
