// Half-open instant intervals [startsAt, endsAt): merging, clipping and subtracting for hours and coverage.

export type Interval = { startsAt: number; endsAt: number };

/** Sorted, non-overlapping intervals; touching ones ([a,b) and [b,c)) join into one. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.endsAt > i.startsAt).sort((a, b) => a.startsAt - b.startsAt);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.startsAt <= last.endsAt) last.endsAt = Math.max(last.endsAt, interval.endsAt);
    else merged.push({ ...interval });
  }
  return merged;
}

/** The parts of the intervals inside [fromMs, toMs). */
export function clipIntervals(intervals: readonly Interval[], fromMs: number, toMs: number): Interval[] {
  return intervals
    .map((i) => ({ startsAt: Math.max(i.startsAt, fromMs), endsAt: Math.min(i.endsAt, toMs) }))
    .filter((i) => i.endsAt > i.startsAt);
}

/** The parts of `base` not covered by any of `holes`; both may be unsorted. */
export function subtractIntervals(base: readonly Interval[], holes: readonly Interval[]): Interval[] {
  const cuts = mergeIntervals(holes);
  const left: Interval[] = [];
  for (const interval of mergeIntervals(base)) {
    let cursor = interval.startsAt;
    for (const cut of cuts) {
      if (cut.endsAt <= cursor || cut.startsAt >= interval.endsAt) continue;
      if (cut.startsAt > cursor) left.push({ startsAt: cursor, endsAt: cut.startsAt });
      cursor = Math.max(cursor, cut.endsAt);
    }
    if (cursor < interval.endsAt) left.push({ startsAt: cursor, endsAt: interval.endsAt });
  }
  return left;
}
