// What coordinators store about when the line is open and who is rostered: validated shapes and defaults.
import * as z from '../zod-mini.js';
import { dayFromIsoDate, isRealIsoDate, minutesOfLocalTime, weekdayOfDay } from './local-time.js';

export const WeekdaySchema = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], {
  error: 'must be a weekday: mon, tue, wed, thu, fri, sat or sun',
});
export type Weekday = z.infer<typeof WeekdaySchema>;

/** A wall-clock time in the line's timezone, "HH:MM" on a 24-hour clock. */
export const LocalTimeSchema = z
  .string()
  .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time "HH:MM" between 00:00 and 23:59'));
export type LocalTime = z.infer<typeof LocalTimeSchema>;

/** An end time may also be "24:00": the end of the day, which reads better than an overnight "00:00". */
export const EndTimeSchema = z
  .string()
  .check(
    z.regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a 24-hour time "HH:MM" between 00:00 and 24:00'),
  );

export const LocalDateSchema = z
  .string()
  .check(z.refine(isRealIsoDate, { error: 'must be a calendar date "YYYY-MM-DD" such as 2026-11-26' }));

const startBeforeOrOvernight = {
  error: 'end must differ from start (an end earlier than the start runs overnight into the next day)',
  path: ['end'],
};
function hasLength(slot: { start: string; end: string }): boolean {
  return minutesOfLocalTime(slot.start) !== minutesOfLocalTime(slot.end);
}

/** A weekly opening window; an end before the start runs overnight into the next day. */
export const OpeningWindowSchema = z
  .object({ day: WeekdaySchema, start: LocalTimeSchema, end: EndTimeSchema })
  .check(z.refine(hasLength, startBeforeOrOvernight));
export type OpeningWindow = z.infer<typeof OpeningWindowSchema>;

export const LineHoursSchema = z.object({
  /** Open around the clock; windows are ignored but holidays still close the line. */
  alwaysOpen: z._default(z.boolean(), false),
  windows: z._default(z.array(OpeningWindowSchema), []),
  /** Local dates the line is closed for the whole day. */
  holidays: z._default(z.array(LocalDateSchema), []),
});
export type LineHours = z.infer<typeof LineHoursSchema>;

/** A slot that repeats every week; an end before the start runs overnight into the next day. */
export const WeeklyShiftSchema = z
  .object({
    shiftId: z.string().check(z.minLength(1, 'must name the shift')),
    volunteerId: z.string().check(z.minLength(1, 'must name the volunteer')),
    day: WeekdaySchema,
    start: LocalTimeSchema,
    end: EndTimeSchema,
  })
  .check(z.refine(hasLength, startBeforeOrOvernight));
export type WeeklyShift = z.infer<typeof WeeklyShiftSchema>;

/** Weekday names as a coordinator reads them in an error message. */
export const DAY_WORDS: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** One occurrence of a weekly shift, named by the local date it starts on. */
export const OccurrenceRefSchema = z.object({
  shiftId: z.string().check(z.minLength(1, 'must name the shift')),
  date: LocalDateSchema,
});
export type OccurrenceRef = z.infer<typeof OccurrenceRefSchema>;

/**
 * Dated changes to the weekly roster, applied in list order:
 * - cancel: that occurrence is off, whatever else the list says about it;
 * - cover: someone else takes that occurrence;
 * - swap: two occurrences exchange whoever holds them at that point in the list;
 * - extra: a one-off slot on a date (end before start runs overnight).
 */
export const ShiftOverrideSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('cancel'), shiftId: z.string().check(z.minLength(1)), date: LocalDateSchema }),
    z.object({
      kind: z.literal('cover'),
      shiftId: z.string().check(z.minLength(1)),
      date: LocalDateSchema,
      volunteerId: z.string().check(z.minLength(1, 'must name the volunteer who covers')),
    }),
    z.object({ kind: z.literal('swap'), first: OccurrenceRefSchema, second: OccurrenceRefSchema }),
    z
      .object({
        kind: z.literal('extra'),
        overrideId: z.string().check(z.minLength(1, 'must name the extra slot')),
        volunteerId: z.string().check(z.minLength(1, 'must name the volunteer')),
        date: LocalDateSchema,
        start: LocalTimeSchema,
        end: EndTimeSchema,
      })
      .check(z.refine(hasLength, startBeforeOrOvernight)),
  ],
  { error: 'kind must be one of cancel, cover, swap or extra' },
);
export type ShiftOverride = z.infer<typeof ShiftOverrideSchema>;

/**
 * The weekly roster plus its dated overrides. Shift ids and extra-slot ids share one namespace, because
 * both become occurrence ids; every override must name a weekly shift on the weekday of its date.
 */
export const RosterSchema = z
  .object({
    weekly: z._default(z.array(WeeklyShiftSchema), []),
    overrides: z._default(z.array(ShiftOverrideSchema), []),
  })
  .check(
    z.superRefine((roster, ctx) => {
      const days = new Map<string, Weekday>();
      roster.weekly.forEach((shift, index) => {
        if (days.has(shift.shiftId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['weekly', index, 'shiftId'],
            message: `shift id "${shift.shiftId}" is used twice`,
          });
        }
        days.set(shift.shiftId, shift.day);
      });
      const extraIds = new Set<string>();
      const checkRef = (ref: OccurrenceRef, path: (string | number)[]) => {
        const day = days.get(ref.shiftId);
        if (day === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'shiftId'],
            message: `shift "${ref.shiftId}" is not in the weekly roster`,
          });
          return;
        }
        const onDate = weekdayOfDay(dayFromIsoDate(ref.date));
        if (onDate !== day) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'date'],
            message: `${ref.date} is a ${DAY_WORDS[onDate]}, but that shift is on ${DAY_WORDS[day]}s`,
          });
        }
      };
      roster.overrides.forEach((override, index) => {
        const path = ['overrides', index];
        if (override.kind === 'extra') {
          if (days.has(override.overrideId) || extraIds.has(override.overrideId)) {
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'overrideId'],
              message: `extra slot id "${override.overrideId}" is already used by a shift or another extra slot`,
            });
          }
          extraIds.add(override.overrideId);
        } else if (override.kind === 'swap') {
          checkRef(override.first, [...path, 'first']);
          checkRef(override.second, [...path, 'second']);
          if (
            override.first.shiftId === override.second.shiftId &&
            override.first.date === override.second.date
          ) {
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'second'],
              message: 'a swap needs two different occurrences',
            });
          }
        } else {
          checkRef(override, path);
        }
      });
    }),
  );
export type Roster = z.infer<typeof RosterSchema>;
