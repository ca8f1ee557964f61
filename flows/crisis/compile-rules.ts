// Turns rule data into regexes over normalised text: macros, word gaps, the same letter collapse, token edges.

import { collapsePatternSource } from './collapse.js';
import type { CrisisKind, RuleSpec } from './crisis-types.js';
import { PATTERN_MACROS } from './lexicon.js';

export interface CompiledRule {
  readonly id: string;
  readonly kind: CrisisKind;
  readonly weak: boolean;
  readonly regex: RegExp;
}

/**
 * `%n` is a gap of up to n words within the clause ("want %2to die" also reads "want so badly to die");
 * `{NAME}` inserts a shared word list from lexicon.ts.
 */
export function expandPattern(pattern: string): string {
  const withMacros = pattern.replace(
    /\{([A-Z_]+)\}/g,
    (whole, name: string) => PATTERN_MACROS[name] ?? whole,
  );
  const withGaps = withMacros.replace(/%(\d+)/g, (_, count: string) => `(?:[^ .]+ ){0,${count}}`);
  return collapsePatternSource(withGaps);
}

/** A regex matching whole tokens only; the match starts after the separating space. */
export function compilePattern(pattern: string, flags = 'g'): RegExp {
  return new RegExp(`(?<=^| )(?:${expandPattern(pattern)})(?= |$)`, flags);
}

export function compileRules(specs: readonly RuleSpec[]): CompiledRule[] {
  return specs.map((spec) => ({
    id: spec.id,
    kind: spec.kind,
    weak: spec.weak ?? false,
    regex: compilePattern(spec.pattern),
  }));
}
