// "today at 9:00 AM" / "hoy a las 9:00 a. m."-style words for when the line opens next, in the line's timezone.
import type { Language } from '../replies.js';

const LOCALE: Record<Language, string> = { en: 'en-US', es: 'es-US' };

/** The day and the time, said the way each language says them (Spanish: "a la 1:00", "a las 8:00"). */
const PHRASE: Record<Language, (day: string | null, time: string, hour: number) => string> = {
  en: (day, time) => `${day === null ? 'today' : `on ${day}`} at ${time}`,
  es: (day, time, hour) => `${day === null ? 'hoy' : `el ${day}`} ${hour === 1 ? 'a la' : 'a las'} ${time}`,
};

export function describeOpening(
  opensAt: number | null,
  now: number,
  timeZone: string,
  language: Language,
): string | null {
  if (opensAt === null) return null;
  const locale = LOCALE[language];
  const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long' });
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' });
  const hour = Number(
    new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hour12: true })
      .formatToParts(opensAt)
      .find((part) => part.type === 'hour')?.value,
  );
  const sameDay = day.format(opensAt) === day.format(now) && opensAt - now < 86_400_000;
  return PHRASE[language](sameDay ? null : day.format(opensAt), time.format(opensAt), hour);
}
