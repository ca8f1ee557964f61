// The phone page and the dev login answer only a browser on this machine, never the network, a tunnel or another site.
import type { WebRequest } from '../../../functions/http/web-request.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const LOOPBACK_ADDRESS = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** Tunnels and proxies add forwarding headers or keep the public host name; both mean "not local". */
export function isLocalRequest(request: WebRequest): boolean {
  const { headers, remoteAddress } = request;
  // The Host header is the client's to write; the socket's peer is not.
  if (remoteAddress !== undefined && !LOOPBACK_ADDRESS.test(remoteAddress)) return false;
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
