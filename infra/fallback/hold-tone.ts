// The line's own hold clip: a soft two-note chime, then quiet, ten seconds in all. Callers hear it between
// hold messages instead of silence; it is generated here (no third-party audio, nothing to license) and
// served from the console's CloudFront next to the fallback TwiML.

export const HOLD_TONE_KEY = 'hold-tone.wav';
export const HOLD_TONE_SECONDS = 10;

const SAMPLE_RATE = 8_000;
/** C5 then E5, each fading over about two seconds, the second 0.6 s after the first. */
const NOTES = [
  { hz: 523.25, at: 0 },
  { hz: 659.25, at: 0.6 },
] as const;
const LOUDNESS = 0.18;

/** 16-bit mono PCM WAV: the format Twilio's <Play> takes without transcoding surprises. */
export function renderHoldTone(): Buffer {
  const samples = SAMPLE_RATE * HOLD_TONE_SECONDS;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    const t = i / SAMPLE_RATE;
    let value = 0;
    for (const note of NOTES) {
      const since = t - note.at;
      if (since >= 0) value += Math.sin(2 * Math.PI * note.hz * since) * Math.exp(-since * 2.2);
    }
    data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, value * LOUDNESS)) * 32_767), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
