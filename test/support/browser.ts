// A headless Chromium for the browser tests: Debian's when it is installed, otherwise the one npm install brings.
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { unpackBundledChromium } from './bundled-chromium.js';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

const COMMON_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Without these Chromium keeps dialling out, and these machines refuse every connection.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Candidate {
  name: string;
  start: () => Promise<Browser>;
}

function candidates(): Candidate[] {
  const chosen = process.env.CHROMIUM_PATH;
  const list: Candidate[] = [];
  const system = chosen ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);
  if (system) {
    list.push({
      name: system,
      start: () => chromium.launch({ executablePath: system, args: COMMON_ARGS }),
    });
  }
  // An explicit CHROMIUM_PATH means that browser or none: a silent fallback would hide a broken one.
  if (!chosen) {
    list.push({
      name: 'the Chromium bundled by @sparticuz/chromium',
      start: launchBundledChromium,
    });
  }
  return list;
}

/** The Chromium that @sparticuz/chromium ships inside its npm package, whatever the system has. */
export async function launchBundledChromium(): Promise<Browser> {
  const bundled = await unpackBundledChromium();
  return chromium.launch({
    executablePath: bundled.executablePath,
    // The bundled build is a headless shell without a zygote helper; it finds its GL libraries beside itself.
    args: [...COMMON_ARGS, '--no-zygote'],
    env: { ...process.env, ...bundled.env },
  });
}

let working: Candidate | undefined;

export async function launchChromium(): Promise<Browser> {
  if (working) return working.start();
  const failures: string[] = [];
  for (const candidate of candidates()) {
    try {
      const browser = await candidate.start();
      working = candidate;
      return browser;
    } catch (error) {
      failures.push(
        `${candidate.name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      );
    }
  }
  throw new Error(
    [
      'No Chromium could start for the browser tests.',
      ...failures.map((failure) => `  - ${failure}`),
      "Run npm install (it brings @sparticuz/chromium), install Debian's (apt-get install chromium), or set CHROMIUM_PATH.",
    ].join('\n'),
  );
}

/** Collects what the page logs as errors and what it throws, for a test to insist on none. */
export function watchForProblems(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
}
