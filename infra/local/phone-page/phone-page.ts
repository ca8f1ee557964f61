// The phone simulator page at /phone/: its static files, its bundle, and a small local-only JSON API that drives the simulator.
import { readFile } from 'node:fs/promises';
import type * as z from 'zod';
import {
  jsonResponse,
  textResponse,
  type WebRequest,
  type WebResponse,
} from '../../../functions/http/web-request.js';
import type { WebApp } from '../../../functions/webhook/webhook-app.js';
import { describeFaults, parseFaults } from '../faults.js';
import type { LocalWarmline } from '../runner.js';
import type { SimCall } from '../simulator/call-leg.js';
import { clientBundle } from './build-client.js';
import { isJsonPost, isLocalRequest } from './local-only.js';
import { PageFeed } from './page-feed.js';
import { FaultsSchema, PressSchema, SpeakSchema, TextSchema } from './page-requests.js';
import { buildPageState, PhoneBook } from './page-state.js';
import { SCENARIOS, type ScenarioName } from './page-types.js';
import { runScenario } from './scenarios.js';

export const PHONE_PAGE_PATH = '/phone/';

type Warmline = Pick<
  LocalWarmline,
  'simulator' | 'bus' | 'store' | 'core' | 'config' | 'volunteers' | 'faults'
>;

export interface PhonePageOptions {
  /** How long a page's state request waits for something to change before answering anyway. */
  readonly longPollMs?: number;
  /** Real-time limit for a scenario waiting on the line to ring a volunteer. */
  readonly ringWaitMs?: number;
}

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

const STATIC_FILES: Record<string, { file: string; type: string }> = {
  '': { file: 'index.html', type: 'text/html; charset=utf-8' },
  'index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  'phone-page.css': { file: 'phone-page.css', type: 'text/css; charset=utf-8' },
};

const PHONE_NUMBER = /^\+?[0-9]{3,15}$/;

/** Mounts the page on the local runner and returns its address for `npm start` to print. */
export function mountPhonePage(warmline: LocalWarmline, options: PhonePageOptions = {}): string {
  warmline.mount('/phone', phonePageApp(warmline, options));
  return `${warmline.origin.replace('127.0.0.1', 'localhost')}${PHONE_PAGE_PATH}`;
}

export function phonePageApp(warmline: Warmline, options: PhonePageOptions = {}): WebApp {
  const feed = new PageFeed(warmline.simulator, warmline.bus);
  const book = new PhoneBook(warmline);
  const longPollMs = options.longPollMs ?? 20_000;

  const api = async (request: WebRequest, route: string[]): Promise<WebResponse> => {
    const [resource, id, action] = route;
    if (request.method === 'GET' && resource === 'state' && route.length === 1) {
      const query = new URLSearchParams(request.rawQuery);
      const since = Number(query.get('since') ?? -1);
      const after = Number(query.get('after') ?? 0);
      if (Number.isFinite(since) && since >= 0) await feed.waitForChange(since, longPollMs);
      return jsonResponse(await buildPageState(warmline, feed, book, Number.isFinite(after) ? after : 0));
    }
    if (!isJsonPost(request)) return jsonResponse({ error: 'send a JSON POST' }, 405);
    const body = parseJson(request.body);
    if (resource === 'phones' && id && PHONE_NUMBER.test(decodeURIComponent(id))) {
      const phone = warmline.simulator.phone(decodeURIComponent(id));
      if (action === 'dial' && route.length === 3) {
        const live = warmline.simulator
          .calls()
          .find((c) => c.direction === 'inbound' && c.from === phone.number && !c.isOver);
        if (live) return jsonResponse({ error: 'this phone is already on a call' }, 409);
        const call = await phone.dial();
        return jsonResponse({ sid: call.sid });
      }
      if (action === 'text' && route.length === 3) {
        const text = checked(TextSchema, body);
        if (!text) return invalid();
        await phone.text(text.body);
        return jsonResponse({ sent: true });
      }
    }
    if (resource === 'calls' && id && route.length === 3) {
      const call = warmline.simulator.call(id);
      if (!call) return jsonResponse({ error: 'no such call' }, 404);
      return (await actOnCall(call, action, body)) ?? jsonResponse({ error: 'unknown action' }, 404);
    }
    if (resource === 'faults' && route.length === 1) {
      const request = checked(FaultsSchema, body);
      if (!request) return invalid();
      try {
        warmline.faults.active = parseFaults(request.faults);
      } catch (error) {
        return jsonResponse({ error: error instanceof Error ? error.message : 'invalid faults' }, 400);
      }
      const now = describeFaults(warmline.faults.active);
      feed.narrate(now ? `Fault drill on: ${now}` : 'Fault drills off: the line is healthy again');
      return jsonResponse({ faults: now });
    }
    if (resource === 'scenarios' && id && route.length === 2 && id in SCENARIOS) {
      const name = id as ScenarioName;
      // Scenarios wait on the line (a volunteer ringing, say): answer now, narrate on the timeline.
      void runScenario(name, {
        warmline,
        feed,
        book,
        ...(options.ringWaitMs ? { ringWaitMs: options.ringWaitMs } : {}),
      }).catch((error: unknown) =>
        feed.narrate(
          `Scenario "${SCENARIOS[name]}" stopped: ${error instanceof Error ? error.message : 'unknown error'}`,
        ),
      );
      return jsonResponse({ started: name }, 202);
    }
    return jsonResponse({ error: 'not found' }, 404);
  };

  return async (request) => {
    if (!isLocalRequest(request)) return textResponse(403, 'the phone page answers only on this machine');
    const path = request.rawPath;
    if (path === '/phone') return { status: 308, headers: { location: PHONE_PAGE_PATH }, body: '' };
    if (!path.startsWith(PHONE_PAGE_PATH)) return textResponse(404, 'not found');
    const rest = path.slice(PHONE_PAGE_PATH.length);
    if (rest.startsWith('api/')) {
      const route = rest.slice('api/'.length).split('/').filter(Boolean);
      return withHeaders(await api(request, route));
    }
    if (request.method !== 'GET') return textResponse(405, 'method not allowed');
    if (rest === 'phone-page.js') {
      return withHeaders({
        status: 200,
        headers: { 'content-type': 'text/javascript; charset=utf-8' },
        body: await clientBundle(),
      });
    }
    const asset = STATIC_FILES[rest];
    if (!asset) return textResponse(404, 'not found');
    const body = await readFile(new URL(`./static/${asset.file}`, import.meta.url), 'utf8');
    return withHeaders({ status: 200, headers: { 'content-type': asset.type }, body });
  };
}

async function actOnCall(
  call: SimCall,
  action: string | undefined,
  body: unknown,
): Promise<WebResponse | undefined> {
  switch (action) {
    case 'answer':
      // Not awaited: answer() also waits for the whole simulator to settle, which a holding caller never lets it.
      void call.answer();
      return jsonResponse({ status: 'answering' });
    case 'hangup':
      await call.hangup();
      return jsonResponse({ status: call.status });
    case 'press': {
      const press = checked(PressSchema, body);
      if (!press) return invalid();
      await call.press(press.keys);
      return jsonResponse({ status: call.status });
    }
    case 'speak': {
      const speech = checked(SpeakSchema, body);
      if (!speech) return invalid();
      const listening = call.isGathering;
      await call.speak(speech.words);
      // Words outside a speech gather go nowhere, as on a real line: say so rather than pretend.
      return jsonResponse({ status: call.status, listening });
    }
    default:
      return undefined;
  }
}

function parseJson(body: string): unknown {
  try {
    return body ? JSON.parse(body) : {};
  } catch {
    return undefined;
  }
}

function checked<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> | undefined {
  const result = schema.safeParse(body);
  return result.success ? result.data : undefined;
}

function invalid(): WebResponse {
  return jsonResponse({ error: 'invalid request body' }, 400);
}

function withHeaders(response: WebResponse): WebResponse {
  return { ...response, headers: { ...SECURITY_HEADERS, ...response.headers } };
}
