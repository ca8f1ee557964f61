// The page drives the simulator, so it answers only a browser on this machine, never through a tunnel or another site.
import type { WebRequest } from '../../../functions/http/web-request.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Tunnels and proxies add forwarding headers or keep the public host name; both mean "not local". */
export function isLocalRequest(request: WebRequest): boolean {
  const { headers } = request;
  if (headers['x-forwarded-for'] || headers.forwarded || headers['x-real-ip']) return false;
  const host = hostnameOf(headers.host);
  if (!host || !LOOPBACK_HOSTS.has(host)) return false;
  // Another site's script in the same browser sends its own Origin.
  const origin = headers.origin;
  if (origin !== undefined && hostPartOf(origin) !== headers.host) return false;
  return true;
}

/** Only JSON posts change anything: a cross-site form cannot send them without a preflight we never grant. */
export function isJsonPost(request: WebRequest): boolean {
  return request.method === 'POST' && (request.headers['content-type'] ?? '').startsWith('application/json');
}

function hostnameOf(host: string | undefined): string | undefined {
  if (!host) return undefined;
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.split(':')[0];
}

function hostPartOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
