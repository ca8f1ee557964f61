// The packed weights must come back bit for bit: a changed byte would change verdicts without any test noticing.
import { describe, expect, it } from 'vitest';
import { decodeModel, encodeModel } from '../../../flows/crisis/linear-model.js';
import { CONCERN_MODEL, CRISIS_MODEL } from '../../../flows/crisis/model-weights.js';
import { decodeWeights, encodeWeights } from '../../../flows/crisis/weight-codec.js';

/** A seeded spread of signed bytes: mostly zero and small, with every extreme present. */
function sampleBytes(count: number, seed: number): Int8Array {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  return Int8Array.from({ length: count }, (_, index) => {
    if (index < 4) return [-128, 127, -1, 0][index] ?? 0;
    const roll = next();
    if (roll < 0.3) return 0;
    return roll < 0.9 ? Math.round((next() - 0.5) * 30) : Math.floor(next() * 256) - 128;
  });
}

describe('weight codec', () => {
  it('returns every byte it packed, with and without a reference', () => {
    const values = sampleBytes(5000, 7);
    const reference = sampleBytes(5000, 8);

    expect(decodeWeights(encodeWeights(values), values.length)).toEqual(values);
    expect(decodeWeights(encodeWeights(values, reference), values.length, reference)).toEqual(values);
  });

  it('returns arrays of one repeated byte and an empty array', () => {
    for (const fill of [0, -128, 127]) {
      const values = new Int8Array(300).fill(fill);
      expect(decodeWeights(encodeWeights(values), values.length), String(fill)).toEqual(values);
    }
    expect(decodeWeights(encodeWeights(new Int8Array(0)), 0)).toEqual(new Int8Array(0));
  });

  it('keeps codes within 15 bits even for a steeply skewed spread', () => {
    // Fibonacci counts give the deepest Huffman tree: 20 symbols would need a 19-bit code without the limit.
    const counts = [1, 1];
    while (counts.length < 20) counts.push((counts.at(-1) ?? 0) + (counts.at(-2) ?? 0));
    const values = Int8Array.from(counts.flatMap((count, symbol) => new Array<number>(count).fill(symbol)));

    expect(decodeWeights(encodeWeights(values), values.length)).toEqual(values);
  });

  it('packs the zero-heavy weights it is made for well under their plain size', () => {
    const values = sampleBytes(32768, 3);

    expect(encodeWeights(values).length).toBeLessThan(values.length * 0.8);
  });

  it('reads the committed models back to the very strings the trainer wrote', () => {
    const crisis = decodeModel(CRISIS_MODEL);
    const concern = decodeModel(CONCERN_MODEL, crisis.quantized);
    const reencode = (weights: Int8Array, scale: number) =>
      Float64Array.from(weights, (byte) => byte * scale);

    expect(
      encodeModel(reencode(crisis.quantized, CRISIS_MODEL.scale), CRISIS_MODEL.bits, CRISIS_MODEL.threshold),
    ).toEqual(CRISIS_MODEL);
    expect(
      encodeModel(
        reencode(concern.quantized, CONCERN_MODEL.scale),
        CONCERN_MODEL.bits,
        CONCERN_MODEL.threshold,
        crisis.quantized,
      ),
    ).toEqual(CONCERN_MODEL);
    expect(crisis.weights[123]).toBe(Math.fround((crisis.quantized[123] ?? 0) * CRISIS_MODEL.scale));
  });
});
