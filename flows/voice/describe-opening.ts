// "tomorrow at 9:00 AM"-style words for when the line opens next, in the line's timezone and the listener's language.
import type { Language } from '../replies.js';

const LOCALES: Record<Language, { locale: string; today: string; on: (day: string) => string; at: string }> =
  {
    en: { locale: 'en-US', today: 'today', on: (day) => `on ${day}`, at: 'at' },
    es: { locale: 'es-US', today: 'hoy', on: (day) => `el ${day}`, at: 'a las' },
  };

export function describeOpening(
  opensAt: number | null,
  now: number,
  timeZone: string,
  language: Language = 'en',
): string | null {
  if (opensAt === null) return null;
  const words = LOCALES[language];
  const day = new Intl.DateTimeFormat(words.locale, { timeZone, weekday: 'long' });
  const time = new Intl.DateTimeFormat(words.locale, { timeZone, hour: 'numeric', minute: '2-digit' });
  const sameDay = day.format(opensAt) === day.format(now) && opensAt - now < 86_400_000;
  return `${sameDay ? words.today : words.on(day.format(opensAt))} ${words.at} ${time.format(opensAt)}`;
}
