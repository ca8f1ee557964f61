import { describe, expect, it } from 'vitest';
import { readSmsFallback, renderVoiceFallback } from '../../../infra/fallback/fallback-twiml.js';

/** Twilio rejects TwiML with text before the declaration or a root other than <Response> (error 12100). */
const expectTwimlShape = (xml: string) => {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const body = xml.replace(/^<\?xml[^>]*\?>/, '').trim();
  // The repository files explain themselves in comments; what Twilio fetches is stripped to the TwiML alone.
  expect(body).not.toContain('<!--');
  expect(body).toMatch(/^<Response>[\s\S]*<\/Response>$/);
  expect(body.replace(/<[^>]+>/g, '')).not.toMatch(/[<>]|&(?!amp;|lt;|gt;|quot;|apos;)/);
};

describe('static fallback TwiML', () => {
  it('tells the caller about 988 and dials the crisis line', () => {
    const xml = renderVoiceFallback('988');
    expectTwimlShape(xml);
    expect(xml).toMatch(/<Say[^>]*>[^<]*9 8 8[^<]*<\/Say>/);
    expect(xml).toMatch(/<Dial[^>]*>988<\/Dial>/);
  });

  it('speaks to a caller whose language is unknown in English and then in Spanish, before and after the dial', () => {
    const xml = renderVoiceFallback('988');
    const says = [...xml.matchAll(/<Say language="([^"]+)">/g)].map((match) => match[1]);
    expect(says).toEqual(['en-US', 'es-US', 'en-US', 'es-US']);
    expect(xml).toContain('línea de crisis');
  });

  it('dials the crisis number the deployment configures', () => {
    const xml = renderVoiceFallback('+15550109999');
    expectTwimlShape(xml);
    expect(xml).toMatch(/<Dial[^>]*>\+15550109999<\/Dial>/);
    expect(xml.match(/<Dial/g)).toHaveLength(1);
  });

  it('refuses a crisis number that is not dialable', () => {
    expect(() => renderVoiceFallback('988</Dial><Hangup/>')).toThrow(/E\.164 or a short code/);
  });

  it('answers a text with the crisis line and no relay', () => {
    const xml = readSmsFallback();
    expectTwimlShape(xml);
    expect(xml).toMatch(/<Message>[^<]*988[^<]*<\/Message>/);
    expect(xml).toContain('Si necesita hablar con alguien ahora, llame o escriba al 988');
  });
});
