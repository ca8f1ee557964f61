// Everyone on shift paused counts as nobody on shift: callers hear the unstaffed path, coordinators are told once.
//
// Main course: the last on-shift volunteer who was still taking calls is paused after missed offers -> the line's
// paused set covers its on-shift set -> new calls and texts get the unstaffed reply at once, and the first to
// notice marks the line all-paused (a conditional write) and publishes LineAllPaused, which texts the coordinators.
// Alternate courses: several callers and the tick notice at once (only the write that starts the stretch
// publishes); a volunteer texts ON, or a new shift starts (the next observer clears the mark, so a later stretch
// alerts again); a failed mark or publish (the caller's reply never waits on it; the minute tick tries again).
import type { Clock, EventPublisher, LineState, Log, Store } from '../ports.js';

export interface AllPausedDeps {
  readonly store: Pick<Store, 'markAllPaused' | 'clearAllPaused'>;
  readonly events: EventPublisher;
  readonly clock: Clock;
  readonly log: Log;
}

/** True when somebody is on shift and every one of them is paused: nobody will be offered a call. */
export function isAllPaused(line: Pick<LineState, 'onShiftIds' | 'pausedIds'>): boolean {
  if (line.onShiftIds.size === 0) return false;
  for (const volunteerId of line.onShiftIds) if (!line.pausedIds.has(volunteerId)) return false;
  return true;
}

/** Nobody will take a call: nobody on shift, or everyone on shift paused. */
export function isUnstaffed(line: Pick<LineState, 'onShiftIds' | 'pausedIds'>): boolean {
  return line.onShiftIds.size === 0 || isAllPaused(line);
}

/**
 * Brings the line's all-paused mark in line with what `line` shows; a no-op (no write) when they agree, which is
 * every time but the first after a change. Never throws: callers use it beside a reply that must not fail.
 */
export async function noteAllPaused(deps: AllPausedDeps, line: LineState): Promise<void> {
  try {
    const allPaused = isAllPaused(line);
    if (!allPaused && line.allPausedSince !== undefined) {
      await deps.store.clearAllPaused(line.allPausedSince);
      return;
    }
    if (!allPaused || line.allPausedSince !== undefined) return;
    const since = deps.clock.now();
    if (!(await deps.store.markAllPaused(since))) return;
    deps.log.warn('everyone on shift is paused; callers hear the unstaffed path', {
      onShift: line.onShiftIds.size,
    });
    await deps.events.publish([{ type: 'LineAllPaused', since, volunteers: line.onShiftIds.size }]);
  } catch (error) {
    deps.log.error('could not record that everyone on shift is paused', {
      error: error instanceof Error ? error.name : 'unknown',
    });
  }
}
