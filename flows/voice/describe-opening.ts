// "tomorrow at 9:00 AM"-style words for when the line opens next, in the line's timezone.

export function describeOpening(opensAt: number | null, now: number, timeZone: string): string | null {
  if (opensAt === null) return null;
  const day = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long' });
  const time = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' });
  const sameDay = day.format(opensAt) === day.format(now) && opensAt - now < 86_400_000;
  return `${sameDay ? 'today' : `on ${day.format(opensAt)}`} at ${time.format(opensAt)}`;
}
