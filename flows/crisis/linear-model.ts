// The learned layer's arithmetic: a hashed-feature logistic model, its training, and its compact encoding.
//
// Training is plain logistic regression with AdaGrad steps and L2, in a seeded order, so the same corpus
// always gives the same weights (the committed weights can be checked against a fresh training run).
// Weights are stored as signed bytes with one scale, packed by weight-codec.ts: 15 to 22 KB a model.

import { decodeWeights, encodeWeights } from './weight-codec.js';

export interface EncodedModel {
  readonly bits: number;
  readonly scale: number;
  /** Probability at or above which the model says yes. */
  readonly threshold: number;
  /** base64 of the packed signed bytes, one per bucket, coded against a reference model's when given one. */
  readonly weights: string;
}

export interface LinearModel {
  readonly weights: Float32Array;
  readonly threshold: number;
  /** The signed bytes the weights were scaled from: the reference another head is coded against. */
  readonly quantized: Int8Array;
}

export interface TrainingExample {
  readonly buckets: readonly number[];
  readonly positive: boolean;
  /** How much this example counts; misses cost more than false alarms. */
  readonly weight: number;
}

export interface TrainingOptions {
  readonly bits: number;
  readonly epochs: number;
  readonly rate: number;
  readonly l2: number;
  readonly seed: number;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function probability(weights: Float32Array | Float64Array, buckets: readonly number[]): number {
  let sum = 0;
  for (const bucket of buckets) sum += weights[bucket] ?? 0;
  return sigmoid(sum);
}

/** A small deterministic generator (mulberry32), so shuffles repeat across machines. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trainLogistic(examples: readonly TrainingExample[], options: TrainingOptions): Float64Array {
  const size = 1 << options.bits;
  const weights = new Float64Array(size);
  const squares = new Float64Array(size).fill(1e-6);
  const order = examples.map((_, index) => index);
  const random = seededRandom(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    for (const index of order) {
      const example = examples[index];
      if (!example) continue;
      const error = (probability(weights, example.buckets) - (example.positive ? 1 : 0)) * example.weight;
      for (const bucket of example.buckets) {
        const gradient = error + options.l2 * (weights[bucket] ?? 0);
        squares[bucket] = (squares[bucket] ?? 0) + gradient * gradient;
        weights[bucket] =
          (weights[bucket] ?? 0) - (options.rate * gradient) / Math.sqrt(squares[bucket] ?? 1);
      }
    }
  }
  return weights;
}

export function encodeModel(
  weights: Float64Array,
  bits: number,
  threshold: number,
  reference?: Int8Array,
): EncodedModel {
  let largest = 0;
  for (const weight of weights) largest = Math.max(largest, Math.abs(weight));
  const scale = largest > 0 ? largest / 127 : 1;
  const quantized = Int8Array.from(weights, (weight) => Math.round(weight / scale));
  let binary = '';
  for (const byte of encodeWeights(quantized, reference)) binary += String.fromCharCode(byte);
  return { bits, scale, threshold, weights: btoa(binary) };
}

export function decodeModel(encoded: EncodedModel, reference?: Int8Array): LinearModel {
  const binary = atob(encoded.weights);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const quantized = decodeWeights(bytes, 1 << encoded.bits, reference);
  const weights = new Float32Array(quantized.length);
  for (let i = 0; i < quantized.length; i++) weights[i] = (quantized[i] ?? 0) * encoded.scale;
  return { weights, threshold: encoded.threshold, quantized };
}
