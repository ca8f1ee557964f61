// How long the crisis detector takes per message, over the project's own corpus.
//
// A message's cost is its fastest of five runs: a garbage collection or another process taking the core is
// the machine's, not the detector's, and would make the figure (and the test that bounds it) flaky.
import { detectCrisis } from '../flows/crisis/detect-crisis.js';

export interface ClassifyLatency {
  readonly messages: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

function costOf(text: string): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    detectCrisis(text);
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

export function measureClassifyLatency(texts: readonly string[]): ClassifyLatency {
  for (const text of texts.slice(0, 200)) detectCrisis(text); // warm the regex and JIT caches
  const sorted = texts.map(costOf).sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.max(0, Math.ceil(sorted.length * share) - 1)] ?? 0;
  return { messages: sorted.length, p50Ms: at(0.5), p99Ms: at(0.99) };
}
