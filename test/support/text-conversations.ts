// Opening a text conversation through the simulator: the texter writes, the volunteer ACCEPTs.
import type { LocalWarmline } from '../../infra/local/runner.js';
import { waitFor } from './wait-for.js';

/** Texts the line, waits for the offer to reach `volunteer`, accepts it, and returns the conversation's tag. */
export async function openAndAccept(
  line: Pick<LocalWarmline, 'simulator'>,
  texter: string,
  firstWords: string,
  volunteer: string,
): Promise<string> {
  const phone = (number: string) => line.simulator.phone(number);
  const offersBefore = phone(volunteer).messages.filter((m) => m.body.includes('Reply ACCEPT')).length;
  await phone(texter).text(firstWords);
  // The welcome, in English or Spanish: either way the conversation is open.
  await phone(texter).waitForMessage(/not a crisis line|no una línea de crisis/);
  await waitFor(
    () => phone(volunteer).messages.filter((m) => m.body.includes('Reply ACCEPT')).length > offersBefore,
    'an offer to the volunteer',
  );
  const connections = () => phone(volunteer).messages.filter((m) => m.body.includes("] You're connected"));
  const before = connections().length;
  await phone(volunteer).text('ACCEPT');
  const connected = await waitFor(() => connections()[before], 'the volunteer to be connected');
  return connected.body.slice(1, 2);
}
