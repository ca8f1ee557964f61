// `npm start`: the local warmline. Reads PORT, WARMLINE_HOST, PUBLIC_BASE_URL, TWILIO_AUTH_TOKEN, TWILIO_API_BASE,
// WARMLINE_DATA_DIR, WARMLINE_FAULTS.
import { mountCoordinatorConsole } from './coordinator-console.js';
import { describeFaults } from './faults.js';
import { mountPhonePage } from './phone-page/phone-page.js';
import { startLocalWarmline } from './runner.js';

// Local development runs on Node 20, where the AWS SDK warns that its support ends in 2027; the deployed
// functions run Node 24. The warning would bury the addresses printed below.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(1);
}

const dataDir = process.env.WARMLINE_DATA_DIR;
const host = process.env.WARMLINE_HOST;
const warmline = await startLocalWarmline({
  env: process.env,
  port,
  ...(host ? { host } : {}),
  tickTimer: true,
  readyWhenTold: true,
  ...(dataDir ? { dataDir } : {}),
});
const { consoleUrl } = await mountCoordinatorConsole(warmline);
const phoneUrl = mountPhonePage(warmline);
warmline.ready();
const { config } = warmline;
const base = config.PUBLIC_BASE_URL;

console.log(
  [
    '',
    `warmline is running on port ${warmline.listening.port}, listening on ${warmline.listening.address}${host ? '' : ' only (set WARMLINE_HOST=0.0.0.0 to expose it)'}`,
    '',
    `  try the line      ${phoneUrl}   (be the caller and the volunteers, in your browser)`,
    `  console           ${consoleUrl.replace('127.0.0.1', 'localhost')}   (coordinators; local development login)`,
    '',
    `  health            GET  ${base}/health`,
    `  voice webhook     POST ${base}/twilio/voice`,
    `  SMS webhook       POST ${base}/twilio/sms`,
    `  public base URL   ${base}   (signatures are checked against this; set PUBLIC_BASE_URL to change it)`,
    `  auth token        ${config.TWILIO_AUTH_TOKEN}   (local only; set TWILIO_AUTH_TOKEN to change it)`,
    `  Twilio REST base  ${config.TWILIO_API_BASE}   (the built-in simulator unless TWILIO_API_BASE is set)`,
    `  line number       ${config.LINE_NUMBER}   crisis line ${config.CRISIS_NUMBER}   clinician ${config.CLINICIAN_NUMBER}`,
    `  store             embedded DynamoDB, ${dataDir ? `kept in ${dataDir}` : 'in memory (set WARMLINE_DATA_DIR to keep data)'}`,
    `  fault drills      ${describeFaults(warmline.faults.active) || 'none (set WARMLINE_FAULTS, or switch them on the phone page)'}`,
    '',
    '  volunteers on shift (simulated phones):',
    ...warmline.volunteers.map((v) => `    ${v.name.padEnd(6)} ${v.phone}  ${v.languages.join('/')}`),
    '',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n'),
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    warmline.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
