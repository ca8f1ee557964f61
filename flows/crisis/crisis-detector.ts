// The detector's rules and weights are most of a webhook's code: they load the first time words need checking
// (a text, or speech in a call), so a call that only presses keys never pays for them at cold start. The
// Lambda bundles put them in a chunk of their own (infra/constructs/bundle-options.ts).
import type { detectCrisis } from './detect-crisis.js';

export async function crisisDetector(): Promise<typeof detectCrisis> {
  return (await import('./detect-crisis.js')).detectCrisis;
}
