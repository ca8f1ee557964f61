// The page's side of the local API: a long-polled state and small JSON posts that drive the simulator.
import type { PageState } from '../page-types.js';

const API = '/phone/api';

export async function fetchState(since: number, after: number, signal?: AbortSignal): Promise<PageState> {
  const response = await fetch(`${API}/state?since=${since}&after=${after}`, signal ? { signal } : {});
  if (!response.ok) throw new Error(`state request failed with ${response.status}`);
  return (await response.json()) as PageState;
}

/** Posts an action; resolves with the API's JSON, rejects with its error message. */
export async function act(path: string, body: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const response = await fetch(`${API}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const result = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok)
    throw new Error(typeof result.error === 'string' ? result.error : `request failed (${response.status})`);
  return result;
}

export const phonePath = (number: string, action: string) => `phones/${encodeURIComponent(number)}/${action}`;
export const callPath = (sid: string, action: string) => `calls/${encodeURIComponent(sid)}/${action}`;
