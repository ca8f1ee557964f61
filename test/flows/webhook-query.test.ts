// Each webhook leg's query codec: what a flow writes, its handler reads back unchanged, and a URL with a key
// missing or garbled is refused by name rather than read as some other contact, volunteer or number.
import { describe, expect, it } from 'vitest';
import {
  callerTroubleQuery,
  type QueryRoute,
  readWebhookQuery,
  WEBHOOK_QUERIES,
  type WebhookQuery,
  WebhookQueryError,
  webhookTarget,
} from '../../flows/webhook-query.js';

/** A full example of every leg's query, every optional field set, as the flows write them. */
const EXAMPLES: { readonly [R in QueryRoute]: WebhookQuery<R> } = {
  voiceIncoming: { crisisNumber: '988', language: 'es', troubleLoops: 1 },
  voiceLanguage: { contactId: 'v-1', crisisNumber: '+15550009999' },
  voiceIntake: { contactId: 'v-1', crisisNumber: '988', language: 'en' },
  voiceHold: { contactId: 'v-1', crisisNumber: '988', language: 'es', troubleLoops: 2 },
  voiceHoldInput: { contactId: 'v-1', crisisNumber: '988', language: 'en', troubleLoops: 0 },
  voiceBridgeEnded: { contactId: 'v-1', language: 'es' },
  conferenceHold: { language: 'en' },
  crisisDialEnded: { crisisNumber: '988', language: 'es', attempt: 'backup', troubleLoops: 3 },
  crisisLegStatus: { contactId: 'v-1' },
  supervisorLegStatus: { contactId: 'v-1', supervisorId: 'vol-sam', mode: 'coach' },
  crisisFallback: { contactId: 'v-1', crisisNumber: '988', language: 'en', counsellorJoined: false },
  warmTransferUnreached: { contactId: 'v-1', volunteerId: 'vol-ana' },
  offerInput: { contactId: 'v-1', volunteerId: 'vol-ana', whisperSeconds: 12, wrongKeys: 2 },
  offerStatus: { contactId: 'v-1', volunteerId: 'vol-ana' },
  offerTaken: { contactId: 'v-1', volunteerId: 'vol-ana', reason: 'left' },
  volunteerInput: { contactId: 'v-1', volunteerId: 'vol-ana', muted: true },
  wrapUpCodes: { contactId: 'v-1', volunteerId: 'vol-ana', language: 'es', retried: true },
  clinicianBridge: { reference: 'ref_42' },
};

const routes = Object.keys(WEBHOOK_QUERIES) as QueryRoute[];

/**
 * The keys a leg cannot do without. Caller legs find their contact from the CallSid and fall back to the
 * configured crisis number; an offer without a whisper length uses the line's.
 */
const REQUIRED: { readonly [R in QueryRoute]: readonly string[] } = {
  voiceIncoming: [],
  voiceLanguage: [],
  voiceIntake: [],
  voiceHold: [],
  voiceHoldInput: [],
  voiceBridgeEnded: ['c', 'l'],
  conferenceHold: ['l'],
  crisisDialEnded: ['cn'],
  crisisLegStatus: ['c'],
  supervisorLegStatus: ['c', 's', 'm'],
  crisisFallback: ['c', 'cn', 'l', 'j'],
  warmTransferUnreached: ['c', 'v'],
  offerInput: ['c', 'v'],
  offerStatus: ['c', 'v'],
  offerTaken: ['c', 'v', 'r'],
  volunteerInput: ['c', 'v'],
  wrapUpCodes: ['c', 'v', 'l'],
  clinicianBridge: ['r'],
};

/** The query as Twilio sends it back: written into a URL and parsed from it. */
const throughUrl = (route: QueryRoute) =>
  new URLSearchParams(new URLSearchParams(webhookTarget(route, EXAMPLES[route] as never).query).toString());

describe('webhook query codecs', () => {
  it('has an example for every leg with a query', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...routes].sort());
  });

  it.each(routes)('reads back what %s wrote, through a URL', (route) => {
    expect(readWebhookQuery(route, throughUrl(route))).toEqual(EXAMPLES[route]);
  });

  it('writes the short keys the live URLs already carry, so calls in flight across a deploy still work', () => {
    expect(webhookTarget('offerInput', EXAMPLES.offerInput).query).toEqual({
      c: 'v-1',
      v: 'vol-ana',
      w: '12',
      k: '2',
    });
    expect(webhookTarget('crisisFallback', EXAMPLES.crisisFallback).query).toEqual({
      c: 'v-1',
      cn: '988',
      l: 'en',
      j: '0',
    });
    expect(webhookTarget('volunteerInput', EXAMPLES.volunteerInput).query).toEqual({
      c: 'v-1',
      v: 'vol-ana',
      m: '1',
    });
  });

  it('leaves an unset optional field out of the URL and reads it back as absent', () => {
    const target = webhookTarget('voiceHold', { contactId: 'v-1', crisisNumber: '988', language: undefined });
    expect(target.query).toEqual({ c: 'v-1', cn: '988' });
    expect(readWebhookQuery('voiceHold', new URLSearchParams(target.query))).toEqual({
      contactId: 'v-1',
      crisisNumber: '988',
    });
  });

  it.each(
    routes.flatMap((route) =>
      Object.keys(webhookTarget(route, EXAMPLES[route] as never).query ?? {}).map(
        (key) => [route, key] as const,
      ),
    ),
  )('on %s, refuses a URL without %s only if the leg cannot do without it', (route, key) => {
    const decoded = WEBHOOK_QUERIES[route].decode(withoutKey(throughUrl(route), key));
    if (REQUIRED[route].includes(key)) {
      expect(decoded.ok).toBe(false);
      if (!decoded.ok)
        expect(decoded.error.message).toMatch(new RegExp(`query parameter ${key} .*is missing`));
    } else {
      expect(decoded.ok).toBe(true);
    }
  });

  it.each([
    ['offerInput', 'c', 'v-1&x'],
    ['offerInput', 'v', ''.padEnd(65, 'a')],
    ['offerInput', 'w', 'eight'],
    ['offerInput', 'w', '0'],
    ['offerInput', 'k', '-1'],
    ['voiceHold', 'cn', '+1 555 000'],
    ['voiceHold', 'l', 'fr'],
    ['voiceHold', 't', '1.5'],
    ['crisisDialEnded', 'a', 'third'],
    ['crisisFallback', 'j', 'yes'],
    ['offerTaken', 'r', 'stolen'],
    ['volunteerInput', 'm', 'true'],
    ['clinicianBridge', 'r', '../ref'],
  ] as const)('refuses %s with %s garbled (%s), naming the key', (route, key, value) => {
    const query = throughUrl(route);
    query.set(key, value);
    const decoded = WEBHOOK_QUERIES[route].decode(query);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) {
      expect(decoded.error).toBeInstanceOf(WebhookQueryError);
      expect(decoded.error.message).toMatch(new RegExp(`query parameter ${key} .*is malformed`));
    }
  });

  it('keeps every key distinct within a leg, so no two fields overwrite each other', () => {
    for (const route of routes) {
      const keys = Object.keys(webhookTarget(route, EXAMPLES[route] as never).query ?? {});
      expect(new Set(keys).size, route).toBe(keys.length);
      expect(keys.length, `${route} writes every field of its example`).toBe(
        Object.keys(EXAMPLES[route]).length,
      );
    }
  });

  it('salvages the sound fields of a caller URL for the safe reply and drops the garbled ones', () => {
    const query = new URLSearchParams('c=v-1&cn=not-a-number&l=es&t=x');
    expect(callerTroubleQuery(query)).toEqual({ contactId: 'v-1', language: 'es' });
    expect(callerTroubleQuery(new URLSearchParams('cn=988&t=2'))).toEqual({
      crisisNumber: '988',
      troubleLoops: 2,
    });
  });
});

function withoutKey(query: URLSearchParams, key: string): URLSearchParams {
  const copy = new URLSearchParams(query);
  copy.delete(key);
  return copy;
}
