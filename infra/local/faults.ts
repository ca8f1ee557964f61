// Fault drills for the local runner (WARMLINE_FAULTS): outages injected into the real clients, never in AWS.
//
// `bus=hang`, `bus=fail`, `bus=throttle`, `bus=partial50`, `store=hang`, `store=throttle`, `store=fail`,
// `rest=fail`, `rest=hang`, comma-separated. Each is middleware on the real AWS SDK clients (or the REST
// client's HTTP layer) that sends every attempt to a local fault sink which hangs or answers the way the
// service does when it fails, so the SDKs' own timeouts, retries and error parsing run exactly as in an
// outage. partial50 lets PutEvents through but has half of its entries refused in a 200 answer.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addMiddleware, type MiddlewareHost } from '../../functions/aws/client-bounds.js';
import { FetchTwilioHttpClient } from '../../functions/telephony/twilio-http-client.js';
import { ENTRY_FAILURE_HEADER } from './local-eventbridge.js';

export const FAULT_MODES = {
  bus: ['hang', 'fail', 'throttle', 'partial50'],
  store: ['hang', 'fail', 'throttle'],
  rest: ['hang', 'fail'],
} as const;

export type FaultTarget = keyof typeof FAULT_MODES;
export type FaultMode = (typeof FAULT_MODES)[FaultTarget][number];
export type Faults = Partial<Record<FaultTarget, FaultMode>>;

export class FaultSpecError extends Error {
  override readonly name = 'FaultSpecError';
}

export function parseFaults(spec: string | undefined): Faults {
  const faults: Faults = {};
  for (const part of (spec ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [target, mode] = part.split('=') as [string, string | undefined];
    const modes: readonly string[] | undefined = FAULT_MODES[target as FaultTarget];
    if (!modes || !mode || !modes.includes(mode)) {
      const known = Object.entries(FAULT_MODES).flatMap(([t, ms]) => ms.map((m) => `${t}=${m}`));
      throw new FaultSpecError(`WARMLINE_FAULTS: "${part}" is not one of ${known.join(', ')}`);
    }
    faults[target as FaultTarget] = mode as FaultMode;
  }
  return faults;
}

export const describeFaults = (faults: Faults): string =>
  Object.entries(faults)
    .map(([target, mode]) => `${target}=${mode}`)
    .join(',');

/** How each service says "something went wrong" on the wire, so the SDK classifies it as it would in AWS. */
const ERROR_BODIES: Record<'store' | 'bus', Record<'fail' | 'throttle', { status: number; type: string }>> = {
  store: {
    fail: { status: 500, type: 'com.amazonaws.dynamodb.v20120810#InternalServerError' },
    throttle: { status: 400, type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException' },
  },
  bus: {
    fail: { status: 500, type: 'InternalException' },
    throttle: { status: 400, type: 'ThrottlingException' },
  },
};

/** The switchable faults and the sink that plays them; the phone page reads and changes `active`. */
export class FaultDrills {
  private readonly hanging = new Set<ServerResponse>();
  private readonly sink = createServer((request, response) => {
    request.resume();
    const [, target, mode] = (request.url ?? '').split('/');
    if (mode === 'hang') {
      // Held open until the client's own timeout gives up on it.
      this.hanging.add(response);
      response.on('close', () => this.hanging.delete(response));
      return;
    }
    if (target === 'rest') {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ code: 20500, message: 'drill: Twilio is failing', status: 500 }));
      return;
    }
    const error = ERROR_BODIES[target as 'store' | 'bus']?.[mode as 'fail' | 'throttle'];
    response.writeHead(error?.status ?? 500, {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-requestid': 'drill',
    });
    response.end(JSON.stringify({ __type: error?.type ?? 'InternalFailure', message: 'drill' }));
  });
  private sinkPort = 0;

  constructor(public active: Faults) {}

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.sink.listen(0, '127.0.0.1', resolve));
    this.sinkPort = (this.sink.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    const closed = new Promise<void>((resolve) => this.sink.close(() => resolve()));
    this.sink.closeAllConnections();
    await closed;
  }

  /** Per attempt, inside the SDK's retries and after signing: the attempt itself meets the fault. */
  instrument(target: 'store' | 'bus'): (client: MiddlewareHost) => void {
    return (client) =>
      addMiddleware(
        client,
        (next) => (args) => {
          const mode = this.active[target];
          const request = args.request as
            | {
                hostname: string;
                port?: number;
                protocol: string;
                path: string;
                headers: Record<string, string>;
              }
            | undefined;
          if (mode && request) {
            if (mode === 'partial50') {
              request.headers[ENTRY_FAILURE_HEADER] = '0.5';
            } else {
              request.protocol = 'http:';
              request.hostname = '127.0.0.1';
              request.port = this.sinkPort;
              request.path = `/${target}/${mode}`;
              request.headers.host = `127.0.0.1:${this.sinkPort}`;
            }
          }
          return next(args);
        },
        { step: 'deserialize', name: `faultDrill-${target}`, priority: 'low' },
      );
  }

  /** The REST client's HTTP layer, with its own timeout and the telephony adapter's retries left as they are. */
  restClient(apiBase: string | undefined): FetchTwilioHttpClient {
    const drills = this;
    return new (class extends FetchTwilioHttpClient {
      override target(uri: string): string {
        const mode = drills.active.rest;
        return mode ? `http://127.0.0.1:${drills.sinkPort}/rest/${mode}` : super.target(uri);
      }
    })(apiBase);
  }
}
