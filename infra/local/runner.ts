// The whole warmline on one port: embedded store, the same handlers and rules, the tick, the Twilio simulator.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { handleLineEvent } from '../../flows/dispatch/dispatcher.js';
import { runTick, type TickReport } from '../../flows/dispatch/tick.js';
import { handleNotification } from '../../flows/notify/notifier.js';
import type { Clock, Log } from '../../flows/ports.js';
import { TWILIO_PATHS } from '../../flows/webhook-paths.js';
import { ADMIN_BODY_LIMIT_BYTES } from '../../functions/admin/admin-app.js';
import {
  composeCore,
  systemClock,
  type WarmlineCore,
  withOutbox,
} from '../../functions/app/composition-root.js';
import { dispatcherDeps } from '../../functions/app/dispatcher-deps.js';
import { twilioTelephonyFor } from '../../functions/app/twilio-telephony-for.js';
import { webhookApp } from '../../functions/app/warmline.js';
import type { MiddlewareHost } from '../../functions/aws/client-bounds.js';
import type { RuntimeConfig } from '../../functions/config.js';
import { schedules } from '../../functions/event-rules.js';
import type { OutboxPublisher } from '../../functions/events/outbox.js';
import {
  jsonResponse,
  type RequestHead,
  textResponse,
  type WebResponse,
} from '../../functions/http/web-request.js';
import { createLogger } from '../../functions/logging/logger.js';
import {
  literalPrefix,
  type RouteDefinition,
  type RouteTarget,
  routeFor,
  routes,
} from '../../functions/routes.js';
import { loadSecrets } from '../../functions/secrets/load-secrets.js';
import { createAdminStore } from '../../functions/store/admin-store.js';
import { createTableFromSchema } from '../../functions/store/create-table.js';
import type { DynamoStore } from '../../functions/store/dynamo-store.js';
import type { WebApp } from '../../functions/webhook/webhook-app.js';
import {
  bodyTooLarge,
  screenWebhookHead,
  TWILIO_BODY_LIMIT_BYTES,
} from '../../functions/webhook/webhook-edge.js';
import { startEmbeddedDynamo } from './embedded-dynamo.js';
import { FaultDrills, parseFaults } from './faults.js';
import { type BodyReader, readBody, readRequestHead, writeWebResponse } from './http-adapter.js';
import { LocalEventBus } from './local-bus.js';
import { LOCAL_EVENTBRIDGE_PATH, localEventBridge } from './local-eventbridge.js';
import { localConfig, SIMULATOR_API_PATH } from './local-settings.js';
import { type SeededVolunteer, seedDemoLine, seedDemoRoster } from './seed.js';
import { TwilioSimulator } from './simulator/simulator.js';
import type { FunctionName, UsageMeter } from './usage-meter.js';

/**
 * Only this machine by default: the dev login and the phone page make anyone a coordinator and every phone.
 * `localhost` still reaches it, as browsers and fetch fall back from ::1 to 127.0.0.1.
 */
export const LOCAL_HOST = '127.0.0.1';

export interface LocalRunnerOptions {
  /** Settings as environment variables; anything unset takes the local default. */
  readonly env?: Record<string, string | undefined>;
  /** 0 picks a free port (tests). */
  readonly port?: number;
  /** The interface to listen on: 127.0.0.1 unless set (WARMLINE_HOST=0.0.0.0 exposes the line to the network). */
  readonly host?: string;
  /** Keep the store's data in this folder between runs; in memory when unset. */
  readonly dataDir?: string;
  /** Scales the simulator's waits (Gather timeouts, rings, pauses); tests run fast with a small value. */
  readonly timeScale?: number;
  /** How fast the simulator speaks a <Say> (words a second); unset, in no time. */
  readonly wordsPerSecond?: number;
  /** Run the minute tick on a timer (npm start) or only when `tick()` is called (tests). */
  readonly tickTimer?: boolean;
  readonly seed?: boolean;
  /** Seed the demo week of roster shifts too (with `seed`); tests that build their own roster turn it off. */
  readonly seedRoster?: boolean;
  /** /health answers 503 until `ready()` is called, for a caller that mounts more apps after start. */
  readonly readyWhenTold?: boolean;
  readonly log?: Log;
  /** The line's clock; tests move it forward to reach wait limits without waiting. */
  readonly clock?: Clock;
  /** Charges every DynamoDB call, event and REST request to the webhook, delivery or tick that made it (bench). */
  readonly meter?: UsageMeter;
}

export interface ServedResponse {
  readonly response: WebResponse;
  readonly bodyUnread: boolean;
}

export interface LocalWarmline {
  readonly origin: string;
  /** The interface and port the server listens on. */
  readonly listening: { readonly address: string; readonly port: number };
  /** The HTTP server's own pipeline without the socket, for tests that send thousands of requests. */
  serve(head: RequestHead, readBody: BodyReader): Promise<ServedResponse>;
  readonly config: RuntimeConfig;
  readonly simulator: TwilioSimulator;
  readonly bus: LocalEventBus;
  /** What the line publishes through: the real EventBridge client and publisher, with the outbox. */
  readonly events: OutboxPublisher;
  /** WARMLINE_FAULTS, switchable while the line runs (the phone page does). */
  readonly faults: FaultDrills;
  readonly store: DynamoStore;
  readonly core: WarmlineCore;
  readonly volunteers: readonly SeededVolunteer[];
  /** Mount a local tool (the console, the phone page) under a prefix no route of the table uses. */
  mount(prefix: string, app: WebApp): void;
  /** Serve a target of the route table (the admin API) at exactly its routes. */
  mountTarget(target: RouteTarget, app: WebApp): void;
  /** Lets /health answer 200: every app is mounted (see `readyWhenTold`). */
  ready(): void;
  tick(): Promise<TickReport>;
  /** Resolves when no event delivery, webhook or simulated call step is in flight. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export async function startLocalWarmline(options: LocalRunnerOptions = {}): Promise<LocalWarmline> {
  const log = options.log ?? createLogger({ service: 'warmline-local' });
  const meter = options.meter;
  const metered = <T>(fn: FunctionName, step: string, work: () => Promise<T>): Promise<T> =>
    meter ? meter.run(fn, step, work) : work();
  const env = options.env ?? {};
  const dynamo = await startEmbeddedDynamo(options.dataDir ? { dataDir: options.dataDir } : {});
  /** Local stand-ins with no API Gateway route (the simulator's REST API, PutEvents, console, phone page). */
  const tools: { prefix: string; app: WebApp }[] = [];
  /** What serves each target of the route table; the admin API joins when the console is mounted. */
  const targets: Partial<Record<RouteTarget, WebApp>> = {};
  let ready = !options.readyWhenTold;
  /**
   * Every request's way through the server: as API Gateway, exactly the routes of functions/routes.ts (anything
   * else is its 404), then what that target's Lambda handler does first: webhooks are screened from their
   * head before any of the body is read, and no body is read past its limit. `bodyUnread` tells the server
   * to close rather than drain.
   */
  const serve = async (head: RequestHead, readBody: BodyReader): Promise<ServedResponse> => {
    // Health is the promise that everything is mounted and seeded; scripts start driving the line on it.
    if (head.rawPath === '/health' && !ready)
      return { response: textResponse(503, 'starting'), bodyUnread: true };
    const tool = tools.find((m) => head.rawPath.startsWith(m.prefix));
    if (tool) {
      const body = await readBody(ADMIN_BODY_LIMIT_BYTES);
      if (body === undefined) return { response: bodyTooLarge(), bodyUnread: true };
      return { response: await tool.app({ ...head, body }), bodyUnread: false };
    }
    const route = routeFor(head.method, head.rawPath);
    if (!route) return { response: gatewayNotFound(), bodyUnread: true };
    const app = targets[route.target];
    if (!app) return { response: textResponse(503, `${route.target} is not mounted`), bodyUnread: true };
    const isWebhook = route.target === 'twilio-webhook';
    const refused = isWebhook ? screenWebhookHead(head) : undefined;
    if (refused) return { response: refused, bodyUnread: true };
    const body = await readBody(isWebhook ? TWILIO_BODY_LIMIT_BYTES : ADMIN_BODY_LIMIT_BYTES);
    if (body === undefined) return { response: bodyTooLarge(), bodyUnread: true };
    const request = { ...head, body };
    const response = isWebhook
      ? await metered('twilio-webhook', webhookStep(head.rawPath), () => app(request))
      : await app(request);
    return { response, bodyUnread: false };
  };
  const mountTool = (prefix: string, app: WebApp) => {
    const shadowed = routes.find((route) => wouldHide(prefix, route));
    if (shadowed) throw new Error(`${prefix} would hide the route ${shadowed.method} ${shadowed.path}`);
    tools.unshift({ prefix, app });
  };
  const server = createServer((request, response) => {
    serve(readRequestHead(request), (maxBytes) => readBody(request, maxBytes))
      .then((served) => writeWebResponse(response, served.response, served.bodyUnread))
      .catch((error) => {
        log.error('local request failed', { error: error instanceof Error ? error.name : 'unknown' });
        if (!response.headersSent) writeWebResponse(response, textResponse(500, 'internal error'));
      });
  });
  await listen(server, options.port ?? 3000, options.host ?? LOCAL_HOST);
  const listening = server.address() as AddressInfo;
  const { port } = listening;
  const origin = `http://127.0.0.1:${port}`;
  const config = localConfig(
    {
      ...env,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      EVENTBRIDGE_ENDPOINT: `${origin}${LOCAL_EVENTBRIDGE_PATH}`,
    },
    env.PUBLIC_BASE_URL ?? `http://localhost:${port}`,
  );

  // Parsed first so a wrong spec fails at once; switched on after the table is created and seeded.
  const drilled = parseFaults(env.WARMLINE_FAULTS);
  const faults = new FaultDrills({});
  await faults.start();
  const rawClient = new DynamoDBClient({
    region: config.AWS_REGION,
    endpoint: dynamo.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await createTableFromSchema(rawClient, config.TABLE_NAME);
  const clock = options.clock ?? systemClock;
  const core = composeCore({
    config,
    secrets: await loadSecrets(config),
    log,
    clock,
    instrument: {
      store: instrumented(faults.instrument('store'), meter?.instrumentStore.bind(meter)),
      bus: instrumented(faults.instrument('bus'), meter?.instrumentBus.bind(meter)),
    },
  });
  const { store, vault } = core;
  const bus = new LocalEventBus(log);
  mountTool(
    LOCAL_EVENTBRIDGE_PATH,
    localEventBridge((event, origin) => bus.publish([event], origin)),
  );
  // Everything publishes as in AWS: the real client and publisher, over HTTP, to the local PutEvents.
  const events = withOutbox(core, 'webhook');
  const dispatcherEvents = withOutbox(core, 'dispatcher');
  const handoff = withOutbox(core, 'handoff');
  const rest = faults.restClient(config.TWILIO_API_BASE);
  const telephony = twilioTelephonyFor(core, meter ? meter.meteredHttp(rest) : rest);
  // As in the stack: the dispatcher function handles the tick, what the tick publishes and the admin API's events.
  const dispatch = dispatcherDeps(core, dispatcherEvents, handoff, telephony);
  bus.subscribe('dispatcher', (event) =>
    metered('dispatcher', event.type, () => handleLineEvent(dispatch, event)),
  );
  bus.subscribe('notifier', (event) =>
    metered('notifier', event.type, () => handleNotification(dispatch, event)),
  );

  const simulator = new TwilioSimulator({
    accountSid: config.TWILIO_ACCOUNT_SID,
    authToken: core.authToken,
    lineNumber: config.LINE_NUMBER,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    webhookOrigin: origin,
    voiceUrl: TWILIO_PATHS.voiceIncoming,
    smsUrl: TWILIO_PATHS.smsIncoming,
    voiceStatusCallbackPath: TWILIO_PATHS.voiceStatus,
    timeScale: options.timeScale ?? 1,
    ...(options.wordsPerSecond ? { wordsPerSecond: options.wordsPerSecond } : {}),
  });
  const twilioApp = webhookApp(core, events, handoff, telephony);
  const simulatorApi: WebApp = async (request) => {
    const result = await simulator.handleRest({
      method: request.method,
      path: request.rawPath.slice(SIMULATOR_API_PATH.length),
      query: new URLSearchParams(request.rawQuery),
      form: new URLSearchParams(request.body),
      ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
    });
    return {
      status: result.status,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(result.body),
    };
  };
  mountTool(`${SIMULATOR_API_PATH}/`, simulatorApi);

  const volunteers = options.seed === false ? [] : await seedDemoLine(store, vault, clock.now());
  if (options.seed !== false && options.seedRoster !== false)
    await seedDemoRoster(createAdminStore(config), clock.now());
  targets['twilio-webhook'] = twilioApp;
  faults.active = drilled;
  const tick = () => bus.invoke(() => metered('tick', 'tick', () => runTick(dispatch)));
  const minute = (schedules.find((s) => s.name === 'Tick')?.everyMinutes ?? 1) * 60_000;
  // A failed tick is already logged by the bus; the next one tries again.
  const timer = options.tickTimer ? setInterval(() => tick().catch(() => undefined), minute) : undefined;

  return {
    origin,
    listening: { address: listening.address, port },
    serve,
    config,
    simulator,
    bus,
    events,
    faults,
    store,
    core,
    volunteers,
    mount: mountTool,
    // A coordinator's change made in this process is seen by the next step at once; on AWS the admin function's
    // writes reach the webhook's cached line record within its expiry.
    mountTarget: (target, app) => {
      targets[target] = async (request) => {
        try {
          return await app(request);
        } finally {
          if (request.method !== 'GET') core.store.forgetLine();
        }
      };
    },
    ready: () => {
      ready = true;
    },
    tick,
    idle: async () => {
      // Webhooks publish events and events make REST calls: settle until neither side has work left.
      do {
        await simulator.idle();
        await bus.idle();
      } while (!bus.isIdle());
    },
    close: async () => {
      if (timer) clearInterval(timer);
      await simulator.close();
      await bus.idle();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      rawClient.destroy();
      await faults.close();
      await dynamo.close();
    },
  };
}

/** What API Gateway answers for a method and path that no route matches. */
function gatewayNotFound(): WebResponse {
  return jsonResponse({ message: 'Not Found' }, 404);
}

/** Whether some request a route serves would start with this prefix, and so reach a local tool instead. */
function wouldHide(prefix: string, route: RouteDefinition): boolean {
  const literal = literalPrefix(route);
  if (literal.startsWith(prefix)) return true;
  return literal !== route.path && prefix.startsWith(literal);
}

/** The webhook's route name for the meter, e.g. `voiceHold`. */
function webhookStep(rawPath: string): string {
  return Object.entries(TWILIO_PATHS).find(([, path]) => path === rawPath)?.[0] ?? rawPath;
}

function instrumented(
  ...instruments: (((client: MiddlewareHost) => void) | undefined)[]
): (client: MiddlewareHost) => void {
  return (client) => {
    for (const instrument of instruments) instrument?.(client);
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}
