// Forged and mutated signed webhooks through the local runner's HTTP server: none may be accepted.
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalWarmline, startLocalWarmline } from '../../infra/local/runner.js';
import { callFields, smsFields } from '../support/signed-webhook.js';
import { silentLog } from '../support/silent-log.js';

interface Attempt {
  readonly kind: string;
  readonly pathAndQuery: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

const FORM = 'application/x-www-form-urlencoded';
const CALLER = '+15557654321';

/** A seeded generator, so a failure names an attempt that can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The text with the first letter at or after `at` (wrapping round) in the other case. */
function flipCase(text: string, at: number): string {
  for (let step = 0; step < text.length; step++) {
    const index = (at + step) % text.length;
    const letter = text.charAt(index);
    const flipped = letter === letter.toUpperCase() ? letter.toLowerCase() : letter.toUpperCase();
    if (flipped !== letter) return `${text.slice(0, index)}${flipped}${text.slice(index + 1)}`;
  }
  throw new Error(`no letter in ${text}`);
}

describe('signature fuzz through the local runner', () => {
  let line: LocalWarmline;
  let base: string;
  let token: string;
  beforeAll(async () => {
    line = await startLocalWarmline({ port: 0, timeScale: 0.01, log: silentLog(), seed: false });
    base = line.config.PUBLIC_BASE_URL;
    token = line.config.TWILIO_AUTH_TOKEN ?? '';
  });
  afterAll(() => line.close());

  const sign = (pathAndQuery: string, params: Record<string, string>, key = token, url = base) =>
    getExpectedTwilioSignature(key, `${url}${pathAndQuery}`, params);

  /**
   * A genuine webhook, signed as Twilio signs it. Most are message status callbacks, which cost the line
   * nothing past the signature check; every tenth is a call status callback that reaches the store.
   */
  function genuine(n: number): Attempt {
    const sid = n.toString(16).padStart(32, '0');
    const params: Record<string, string> =
      n % 10 === 0
        ? { ...callFields(`CA${sid}`, CALLER, line.config.LINE_NUMBER), CallStatus: 'completed' }
        : { ...smsFields(`SM${sid}`, line.config.LINE_NUMBER, CALLER, 'hello'), MessageStatus: 'delivered' };
    const pathAndQuery =
      n % 10 === 0 ? `/twilio/voice/status?c=v-fuzz${n}&l=en` : `/twilio/sms/status?c=s-${n}`;
    return {
      kind: 'genuine',
      pathAndQuery,
      headers: { 'content-type': FORM, 'x-twilio-signature': sign(pathAndQuery, params) },
      body: new URLSearchParams(params).toString(),
    };
  }

  /** One forgery: a genuine signature kept while something it covers (or the way it is sent) changes. */
  function forged(n: number, next: () => number): Attempt {
    const params: Record<string, string> = {
      ...callFields(`CA${n.toString(16).padStart(32, 'f')}`, CALLER, line.config.LINE_NUMBER),
      Digits: '1',
    };
    const signedPath = `/twilio/voice/hold-input?c=v-${n}&l=en&cn=988&t=0`;
    const signature = sign(signedPath, params);
    const body = new URLSearchParams(params).toString();
    const attempt = (kind: string, changes: Partial<Attempt>): Attempt => ({
      kind,
      pathAndQuery: signedPath,
      headers: { 'content-type': FORM, 'x-twilio-signature': signature },
      body,
      ...changes,
    });
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const extra = pick(['&m=1', '&l=', '&cn=%2B15550009999', '&cn=911&l=es', '&c=v-other']);
    switch (n % 13) {
      case 0:
        return attempt('padded query', { pathAndQuery: `${signedPath}${'&'.repeat(1000)}${extra}` });
      case 1:
        return attempt('padded query with empty pairs', {
          pathAndQuery: `${signedPath}${'&='.repeat(1000)}${extra}`,
        });
      case 2: {
        const name = pick(Object.keys(params));
        return attempt('changed param', {
          body: new URLSearchParams({
            ...params,
            [name]: `${params[name]}${pick(['0', 'x', ' '])}`,
          }).toString(),
        });
      }
      case 3:
        return attempt('added param', {
          body: `${body}&${pick(['SpeechResult=hi', 'Digits2=9', 'Extra='])}`,
        });
      case 4:
        return attempt('changed query', { pathAndQuery: `${signedPath}${extra}` });
      case 5:
        return attempt('changed path', {
          pathAndQuery: signedPath.replace('/hold-input', pick(['/hold', '/status', '', '/whisper-input'])),
        });
      case 6:
        return attempt('wrong token', {
          headers: { 'content-type': FORM, 'x-twilio-signature': sign(signedPath, params, `${token}${n}`) },
        });
      case 7: {
        const what = pick(['path', 'query', 'param', 'signature'] as const);
        if (what === 'path')
          return attempt('case change', { pathAndQuery: flipCase(signedPath, 1 + (n % 20)) });
        if (what === 'query')
          return attempt('case change', { pathAndQuery: signedPath.replace('l=en', pick(['L=en', 'l=EN'])) });
        if (what === 'param') return attempt('case change', { body: body.replace('From=', 'from=') });
        return attempt('case change', {
          headers: { 'content-type': FORM, 'x-twilio-signature': flipCase(signature, n) },
        });
      }
      case 8:
        return attempt('duplicate key', {
          body: `${body}&${pick([`Digits=${params.Digits}`, 'Digits=9', `From=${encodeURIComponent('+15550001111')}`])}`,
        });
      case 9:
        return attempt('bad content type', {
          headers: {
            'content-type': pick([
              'text/plain',
              'application/json',
              `text/plain; x=${FORM}`,
              `${FORM}x`,
              `${FORM}; charset=latin1`,
              `multipart/form-data; boundary=${FORM}`,
            ]),
            'x-twilio-signature': signature,
          },
        });
      case 10: {
        // Correctly signed, but too big for any webhook Twilio sends.
        const big = { ...params, Pad: 'x'.repeat(65 * 1024 + Math.floor(next() * 4096)) };
        return attempt('oversize body', {
          headers: { 'content-type': FORM, 'x-twilio-signature': sign(signedPath, big) },
          body: new URLSearchParams(big).toString(),
        });
      }
      case 11:
        return attempt('missing signature', { headers: { 'content-type': FORM } });
      default:
        return attempt('signed for another host', {
          headers: {
            'content-type': FORM,
            host: 'attacker.example',
            'x-twilio-signature': sign(signedPath, params, token, 'https://attacker.example'),
          },
        });
    }
  }

  /** Through the server's own pipeline (head screened, body read to its limit), without a socket each. */
  async function serve(attempts: readonly Attempt[]): Promise<number[]> {
    const statuses: number[] = [];
    for (const { pathAndQuery, headers, body } of attempts) {
      const queryAt = pathAndQuery.indexOf('?');
      const { response } = await line.serve(
        {
          method: 'POST',
          rawPath: queryAt === -1 ? pathAndQuery : pathAndQuery.slice(0, queryAt),
          rawQuery: queryAt === -1 ? '' : pathAndQuery.slice(queryAt + 1),
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        },
        async (maxBytes) => (Buffer.byteLength(body) > maxBytes ? undefined : body),
      );
      statuses.push(response.status);
    }
    return statuses;
  }

  /** Over real sockets, a few at a time, as Twilio or an attacker would send them. */
  async function post(attempts: readonly Attempt[]): Promise<number[]> {
    const statuses: number[] = [];
    for (let at = 0; at < attempts.length; at += 8) {
      const batch = attempts.slice(at, at + 8).map(async ({ pathAndQuery, headers, body }) => {
        const response = await fetch(`${line.origin}${pathAndQuery}`, { method: 'POST', headers, body });
        await response.arrayBuffer();
        return response.status;
      });
      statuses.push(...(await Promise.all(batch)));
    }
    return statuses;
  }

  it('accepts none of 11,000 forged requests and all of 1,000 genuine ones', async () => {
    const next = random(16);
    const forgeries = Array.from({ length: 11_000 }, (_, n) => forged(n, next));
    const genuineOnes = Array.from({ length: 1000 }, (_, n) => genuine(n));
    const started = performance.now();

    const forgedStatuses = await serve(forgeries);
    const forgedSeconds = (performance.now() - started) / 1000;
    const genuineStatuses = await serve(genuineOnes);

    const seconds = (performance.now() - started) / 1000;
    const accepted = forgeries.filter((_, i) => forgedStatuses[i] === 200).map((f) => f.kind);
    const acceptedGenuine = genuineStatuses.filter((status) => status === 200).length;
    const kinds: Record<string, number> = {};
    for (const f of forgeries) kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
    console.log(
      `signature fuzz: forged accepted ${accepted.length} of ${forgeries.length}; genuine accepted ${acceptedGenuine} of ${genuineOnes.length}; ${seconds.toFixed(1)} s (forged ${forgedSeconds.toFixed(1)} s); ${JSON.stringify(kinds)}`,
    );
    expect(accepted).toEqual([]);
    expect(acceptedGenuine).toBe(1000);
  });

  it('refuses forgeries over real sockets too, including 10 MB bodies, while genuine ones get through', async () => {
    const next = random(61);
    const forgeries = Array.from({ length: 260 }, (_, n) => forged(n, next));
    // The size of the flood that once slowed genuine webhooks: refused from the head, never buffered.
    for (let n = 0; n < 8; n++)
      forgeries.push({ ...forged(10, next), kind: '10 MB body', body: 'x'.repeat(10 << 20) });
    const genuineOnes = Array.from({ length: 40 }, (_, n) => genuine(5000 + n));

    const [forgedStatuses, genuineStatuses] = await Promise.all([post(forgeries), post(genuineOnes)]);

    const accepted = forgedStatuses.filter((status) => status === 200).length;
    const acceptedGenuine = genuineStatuses.filter((status) => status === 200).length;
    console.log(
      `signature fuzz over sockets: forged accepted ${accepted} of ${forgeries.length}; genuine accepted ${acceptedGenuine} of ${genuineOnes.length}`,
    );
    expect(accepted).toBe(0);
    expect(forgedStatuses.slice(-8)).toEqual(new Array(8).fill(413));
    expect(acceptedGenuine).toBe(genuineOnes.length);
  });
});
