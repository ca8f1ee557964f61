// The detector's tables are built by the first message, not by importing it, and only once.
import { describe, expect, it } from 'vitest';
import { onFirstUse } from '../../../flows/crisis/on-first-use.js';

describe('onFirstUse', () => {
  it('builds nothing until asked, then builds once and keeps the value', () => {
    let builds = 0;
    const value = onFirstUse(() => {
      builds++;
      return { builds };
    });

    expect(builds).toBe(0);
    const first = value();
    expect(value()).toBe(first);
    expect(builds).toBe(1);
  });

  it('keeps a value that is undefined instead of building it again', () => {
    let builds = 0;
    const value = onFirstUse(() => {
      builds++;
      return undefined;
    });

    value();
    value();
    expect(builds).toBe(1);
  });
});
