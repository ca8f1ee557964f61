// Where a caller in danger is sent is changed by two coordinators, never one: which settings those are.
//
// Main course: a coordinator proposes a change touching a routing field; it waits, every coordinator is told,
// and a second coordinator confirms it. Alternate courses: the proposer confirms (refused), the settings
// moved on meanwhile (refused, propose again), a newer proposal replaces an older one.
import type { LineSettings } from '../line-settings.js';

export type RoutingField = 'crisis number' | 'crisis text number' | 'clinician number' | 'partner line';

const partnerLineOf = (settings: LineSettings) =>
  settings.overflow.kind === 'partner-line' ? settings.overflow.number : undefined;

const ROUTING: Record<RoutingField, (settings: LineSettings) => string | undefined> = {
  'crisis number': (s) => s.crisisNumber,
  'crisis text number': (s) => s.crisisTextNumber,
  'clinician number': (s) => s.clinicianNumber,
  'partner line': partnerLineOf,
};

/** The routing fields whose values differ between the settings in force and the settings proposed. */
export function routingChanges(current: LineSettings, next: LineSettings): RoutingField[] {
  return (Object.keys(ROUTING) as RoutingField[]).filter(
    (field) => ROUTING[field](current) !== ROUTING[field](next),
  );
}
