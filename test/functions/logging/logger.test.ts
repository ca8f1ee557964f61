// The JSON logger: one line per entry, and phone numbers and message bodies never reach a line.
import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED, redactFields, redactText } from '../../../functions/logging/logger.js';

function capture(level?: 'info' | 'warn' | 'error') {
  const lines: string[] = [];
  const log = createLogger({
    service: 'webhook',
    ...(level ? { level } : {}),
    write: (line) => lines.push(line),
  });
  return { log, lines };
}

describe('createLogger', () => {
  it('writes one JSON line with level, time, service, message and fields', () => {
    const { log, lines } = capture();

    log.info('contact queued', { contactId: 'c-1', position: 3, crisis: false });

    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? '');
    expect(entry).toMatchObject({
      level: 'info',
      service: 'webhook',
      message: 'contact queued',
      contactId: 'c-1',
      position: 3,
      crisis: false,
    });
    expect(Number.isNaN(Date.parse(entry.time))).toBe(false);
  });

  it('never writes a From field raw', () => {
    const { log, lines } = capture();

    log.warn('incoming call', { From: '+15551234567', CallSid: 'CA123' });

    expect(lines[0]).not.toContain('5551234567');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ From: REDACTED, CallSid: 'CA123' });
  });

  it('masks a number inside the message and inside other string fields', () => {
    const { log, lines } = capture();

    log.error('could not text +15551234567', {
      reason: 'carrier refused 555-123-4567',
      url: '/sms?From=%2B15551234567',
    });

    expect(lines[0]).not.toMatch(/555.?123.?4567/);
    expect(JSON.parse(lines[0] ?? '').message).toBe('could not text [number]');
  });

  it('leaves out entries below the configured level', () => {
    const { log, lines } = capture('warn');

    log.info('routine');
    log.warn('odd');

    expect(lines.map((line) => JSON.parse(line).level)).toEqual(['warn']);
  });
});

describe('redactFields', () => {
  it('replaces every field named for words or numbers of people, whatever its value', () => {
    const fields = {
      body: 'I feel alone',
      Body: 'hello',
      text: 'x',
      to: '+15550000000',
      To: 'someone',
      phone: '12',
      number: 7,
      caller: 'c',
      SpeechResult: 'I want to talk',
      Digits: '9',
    };

    const clean = redactFields(fields);

    expect(Object.values(clean)).toEqual(Object.keys(fields).map(() => REDACTED));
  });

  it('passes counts, ids, flags and short numbers through and drops undefined', () => {
    const clean = redactFields({
      contactId: 'c-42',
      attempt: 2,
      failed: 11,
      ok: true,
      status: 429,
      gone: undefined,
    });

    expect(clean).toEqual({ contactId: 'c-42', attempt: 2, failed: 11, ok: true, status: 429 });
  });
});

describe('redactText', () => {
  it.each([
    ['E.164', 'call +447700900123 now'],
    ['form-encoded E.164', 'To=%2B15551234567&x=1'],
    ['spaced', 'ring (555) 123 4567 please'],
    ['dashed', 'ring 555-123-4567 please'],
    ['dotted', 'ring 555.123.4567 please'],
    ['bare digits', 'ring 5551234567 please'],
  ])('masks a %s number', (_kind, text) => {
    const masked = redactText(text);

    expect(masked).toContain('[number]');
    expect(masked.replace(/\D/g, '')).not.toMatch(/\d{5,}/);
  });

  it('keeps short numbers, dates, times and ids', () => {
    const text = `wait 40 seconds at 12:30 on 2026-11-22 for contact 7f3c, call CA${'0123456789'.repeat(3)}ab, HTTP 503`;

    expect(redactText(text)).toBe(text);
  });
});
