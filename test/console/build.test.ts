// The deployable console: what `npm run build:console` writes for the stack to upload.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeConsoleDist } from '../../console/build.js';

let out: string | undefined;
afterEach(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('writeConsoleDist', () => {
  it('writes the page, a minified bundle and its styles, with paths that work at any prefix', async () => {
    out = mkdtempSync(join(tmpdir(), 'console-dist-'));

    const written = await writeConsoleDist(out);

    expect(written.sort()).toEqual(['index.html', 'main.css', 'main.js']);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('src="main.js"');
    expect(html).not.toContain('src="/');
    const bundle = readFileSync(join(out, 'main.js'), 'utf8');
    expect(bundle.split('\n').length).toBeLessThan(10);
    // The console carries its Spanish text too (about 20 KB of the bundle); still no framework. The board's
    // supervision panels (listen in, coach, read along) and their words in both languages add about 4 KB.
    expect(bundle.length).toBeLessThan(80_000);
  });

  it('leaves out the local config.json, which the stack writes at deploy time', async () => {
    out = mkdtempSync(join(tmpdir(), 'console-dist-'));

    await writeConsoleDist(out);

    expect(existsSync(join(out, 'config.json'))).toBe(false);
  });
});
