// The line's hold clip: a valid WAV Twilio can play, no longer than a hold clip may be, audible and then quiet.
import { describe, expect, it } from 'vitest';
import { MAX_HOLD_CLIP_SECONDS } from '../../../flows/standard-settings.js';
import { HOLD_TONE_SECONDS, renderHoldTone } from '../../../infra/fallback/hold-tone.js';

describe('renderHoldTone', () => {
  const wav = renderHoldTone();
  const rate = wav.readUInt32LE(24);
  const samples = (from: number, to: number) => {
    const values: number[] = [];
    for (let i = Math.floor(from * rate); i < Math.floor(to * rate); i++)
      values.push(wav.readInt16LE(44 + i * 2));
    return values;
  };
  const peak = (values: number[]) => Math.max(...values.map(Math.abs));

  it('is 16-bit mono PCM WAV whose length is the declared clip length, within the hold clip limit', () => {
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.toString('ascii', 8, 16)).toBe('WAVEfmt ');
    expect(wav.readUInt16LE(20)).toBe(1);
    expect(wav.readUInt16LE(22)).toBe(1);
    expect(wav.readUInt16LE(34)).toBe(16);
    const seconds = wav.readUInt32LE(40) / (rate * 2);
    expect(seconds).toBe(HOLD_TONE_SECONDS);
    expect(seconds).toBeLessThanOrEqual(MAX_HOLD_CLIP_SECONDS);
    expect(wav.length).toBe(44 + wav.readUInt32LE(40));
  });

  it('chimes softly at the start and is all but silent by the end, so a repeat does not click', () => {
    expect(peak(samples(0, 1))).toBeGreaterThan(2_000);
    // Soft: well under full scale.
    expect(peak(samples(0, HOLD_TONE_SECONDS))).toBeLessThan(16_000);
    expect(peak(samples(HOLD_TONE_SECONDS - 1, HOLD_TONE_SECONDS))).toBeLessThan(50);
  });
});
