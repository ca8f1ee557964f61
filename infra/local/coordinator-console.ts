// Local coordinators' console: the admin API behind a development login, and the console's static files.
//
// What the console folder provides (all optional; without an entry point a plain "not built" page shows):
// - console/src/main.ts: bundled in memory by esbuild (console/build.ts) as /console/main.js (ES module,
//   browser, minified), with any imported CSS as /console/main.css; rebuilt each time the page loads;
// - console/index.html: served at /console/ as is; without it a shell page loads main.js (and main.css)
//   with an empty <div id="app">;
// - console/public/*: other text files (svg, txt, json) at /console/<name>.
// Sign-in: POST /admin/dev-login {email?} -> {token, email}; then Authorization: Bearer <token>.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleConsole } from '../../console/build.js';
import { DevLoginSchema } from '../../flows/admin/admin-schemas.js';
import { createAdminApp } from '../../functions/admin/admin-app.js';
import type { AdminDeps } from '../../functions/admin/admin-deps.js';
import { bearerToken, createDevTokens, type DevTokens } from '../../functions/admin/dev-login.js';
import { invalid, readJson } from '../../functions/admin/responses.js';
import { jsonResponse, textResponse, type WebResponse } from '../../functions/http/web-request.js';
import { createAdminStore } from '../../functions/store/admin-store.js';
import type { WebApp } from '../../functions/webhook/webhook-app.js';
import { isLocalRequest } from './phone-page/local-only.js';
import type { LocalWarmline } from './runner.js';

export const CONSOLE_PREFIX = '/console/';
export const ADMIN_PREFIX = '/admin/';
const DEV_LOGIN_PATH = '/admin/dev-login';
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface CoordinatorConsoleOptions {
  /** Where the console's sources live (console/src/main.ts, optional console/index.html, console/public/). */
  readonly consoleDir?: string;
}

export interface CoordinatorConsole {
  readonly consoleUrl: string;
  /** The admin API's own deps, for tests that need to look behind it. */
  readonly deps: AdminDeps;
  readonly tokens: DevTokens;
}

export function localAdminDeps(line: LocalWarmline): AdminDeps {
  const { config, core } = line;
  return {
    store: line.store,
    admin: createAdminStore(config),
    surveys: core.surveys,
    vault: core.vault,
    events: line.bus.from('admin'),
    clock: core.clock,
    ids: { newId: () => randomUUID().replace(/-/g, '').slice(0, 12) },
    defaults: core.defaults,
    log: core.log,
  };
}

/** The admin app behind the same claims check as in AWS, after this run's own token check. */
function adminGateway(deps: AdminDeps, tokens: DevTokens): WebApp {
  const admin = createAdminApp(deps);
  return async (request) => {
    if (request.rawPath === DEV_LOGIN_PATH) {
      // The dev login makes anyone a coordinator: only a browser on this machine may use it.
      if (!isLocalRequest(request))
        return jsonResponse({ error: 'the development login answers only on this machine' }, 403);
      if (request.method.toUpperCase() !== 'POST') return jsonResponse({ error: 'use POST' }, 405);
      const body = readJson(request.body);
      if (!body.ok) return body.response;
      const parsed = DevLoginSchema.safeParse(body.value ?? {});
      if (!parsed.success) return invalid(parsed.error);
      return jsonResponse({ token: tokens.issue(parsed.data.email), email: parsed.data.email });
    }
    const token = bearerToken(request.headers.authorization);
    if (!token) return jsonResponse({ error: 'sign in first: send Authorization: Bearer <token>' }, 401);
    const claims = tokens.verify(token);
    if (!claims) return jsonResponse({ error: 'the sign-in token is not valid or has expired' }, 401);
    return admin(request, claims);
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>warmline console</title></head>
<body><main><h1>Console not built</h1><p>There is no console/src/main.ts yet. The admin API is up under /admin/.</p></main></body></html>`;

const shellPage = (hasCss: boolean) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>warmline console</title>
${hasCss ? '<link rel="stylesheet" href="/console/main.css">' : ''}</head>
<body><div id="app"></div><script type="module" src="/console/main.js"></script></body></html>`;

/** Bundles console/src/main.ts in memory with esbuild; rebuilt whenever the page itself is loaded. */
function consoleSite(consoleDir: string): WebApp {
  const entryPoint = () => existsSync(join(consoleDir, 'src', 'main.ts'));
  let bundle: Promise<Map<string, string>> | undefined;
  const build = () => bundleConsole(consoleDir);
  const asset = (name: string, body: string): WebResponse => ({
    status: 200,
    headers: {
      'content-type': CONTENT_TYPES[extname(name)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    },
    body,
  });
  return async (request) => {
    const name = request.rawPath.slice(CONSOLE_PREFIX.length) || 'index.html';
    if (!entryPoint()) return asset('index.html', NOT_BUILT_PAGE);
    try {
      if (name === 'index.html' || !bundle) bundle = build();
      const files = await bundle;
      if (name === 'index.html') {
        const custom = join(consoleDir, 'index.html');
        return asset(
          name,
          existsSync(custom) ? await readFile(custom, 'utf8') : shellPage(files.has('main.css')),
        );
      }
      const built = files.get(name);
      if (built !== undefined) return asset(name, built);
      const publicDir = join(consoleDir, 'public');
      const file = normalize(join(publicDir, name));
      if (file.startsWith(publicDir + sep) && existsSync(file))
        return asset(name, await readFile(file, 'utf8'));
      return textResponse(404, 'not found');
    } catch (error) {
      bundle = undefined;
      const message = error instanceof Error ? error.message : 'unknown';
      return textResponse(500, `the console failed to build:\n${message}`);
    }
  };
}

/** Mounts /admin/ (API and dev login) and /console/ on a running local line. */
export async function mountCoordinatorConsole(
  line: LocalWarmline,
  options: CoordinatorConsoleOptions = {},
): Promise<CoordinatorConsole> {
  const deps = localAdminDeps(line);
  const tokens = createDevTokens(deps.clock);
  // Mounted apps are tried newest first, so the bare /console redirect goes in before /console/.
  line.mount('/console', async (request) =>
    request.rawPath === '/console'
      ? { status: 302, headers: { location: CONSOLE_PREFIX }, body: '' }
      : textResponse(404, 'not found'),
  );
  line.mount(CONSOLE_PREFIX, consoleSite(options.consoleDir ?? join(REPO_ROOT, 'console')));
  line.mount(ADMIN_PREFIX, adminGateway(deps, tokens));
  return { consoleUrl: `${line.origin}${CONSOLE_PREFIX}`, deps, tokens };
}
