// The local console site: built in memory from console/src/main.ts, or a plain page saying it is not built.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mountCoordinatorConsole } from '../../../infra/local/coordinator-console.js';
import { startTestLine, type TestLine } from '../../support/local-line.js';

let line: TestLine | undefined;
let dir: string | undefined;
afterEach(async () => {
  await line?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  line = undefined;
  dir = undefined;
});

async function consoleDir(files: Record<string, string>): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'warmline-console-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

describe('the local console site', () => {
  it('serves a page that loads the bundle esbuild made from src/main.ts', async () => {
    line = await startTestLine();
    const root = await consoleDir({
      'src/main.ts':
        "import { greeting } from './greeting.js';\nimport './main.css';\ndocument.title = greeting('console');\n",
      'src/greeting.ts': "export const greeting = (who: string): string => 'warmline ' + who;\n",
      'src/main.css': 'body { color: #111; }\n',
      'public/robots.txt': 'User-agent: *\nDisallow: /\n',
    });
    const { consoleUrl } = await mountCoordinatorConsole(line, { consoleDir: root });

    const page = await fetch(consoleUrl);
    const html = await page.text();
    const script = await fetch(`${line.origin}/console/main.js`);
    const css = await fetch(`${line.origin}/console/main.css`);
    const robots = await fetch(`${line.origin}/console/robots.txt`);
    const outside = await fetch(`${line.origin}/console/..%2F..%2Fpackage.json`);
    const bare = await fetch(`${line.origin}/console`, { redirect: 'manual' });

    expect(consoleUrl).toBe(`${line.origin}/console/`);
    expect(html).toContain('<script type="module" src="/console/main.js">');
    expect(html).toContain('href="/console/main.css"');
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(await script.text()).toContain('warmline ');
    expect(await css.text()).toContain('color');
    expect(await robots.text()).toContain('Disallow');
    expect(outside.status).toBe(404);
    expect(bare.status).toBe(302);
    expect(bare.headers.get('location')).toBe('/console/');
  });

  it('says the console is not built when there is no entry point, with the API still up', async () => {
    line = await startTestLine();
    const root = await consoleDir({ 'README.md': 'nothing yet\n' });
    const { consoleUrl } = await mountCoordinatorConsole(line, { consoleDir: root });

    const page = await fetch(consoleUrl);
    const api = await fetch(`${line.origin}/admin/board`);

    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Console not built');
    expect(api.status).toBe(401);
  });

  it('shows the build error instead of a broken page', async () => {
    line = await startTestLine();
    const root = await consoleDir({ 'src/main.ts': "import { missing } from './nowhere.js';\nmissing();\n" });
    const { consoleUrl } = await mountCoordinatorConsole(line, { consoleDir: root });

    const page = await fetch(consoleUrl);

    expect(page.status).toBe(500);
    expect(await page.text()).toContain('the console failed to build');
  });

  it('leaves the webhook routes to the line', async () => {
    line = await startTestLine();
    await mountCoordinatorConsole(line, { consoleDir: await consoleDir({}) });

    const health = await fetch(`${line.origin}/health`);

    expect(health.status).toBe(200);
  });
});
