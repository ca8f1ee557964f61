// The browser tests' launcher: a Chromium that npm install brings is enough, and a broken one is named.
import { afterEach, describe, expect, it } from 'vitest';
import { launchBundledChromium, launchChromium } from './browser.js';

const chosen = process.env.CHROMIUM_PATH;

afterEach(() => {
  if (chosen === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = chosen;
});

describe('launchChromium', () => {
  it('says which Chromium failed and how to get one when none can start', async () => {
    process.env.CHROMIUM_PATH = '/nowhere/chromium';
    const launching = launchChromium();
    await expect(launching).rejects.toThrow(
      /No Chromium could start for the browser tests\.\n {2}- \/nowhere\/chromium: /,
    );
    await expect(launching).rejects.toThrow(/Run npm install .*set CHROMIUM_PATH\./);
  });

  it('runs the Chromium shipped inside the npm package, with no system browser', async () => {
    const browser = await launchBundledChromium();
    try {
      const page = await browser.newPage();
      await page.setContent('<p lang="en">listening</p>');
      expect(await page.textContent('p')).toBe('listening');
    } finally {
      await browser.close();
    }
  });
});
