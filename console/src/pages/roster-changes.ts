// Dated changes to the weekly roster (cover, swap, cancel, extra) and the next seven days as they will run,
// worked out by the same calendar code the minute tick uses, so what the page shows is what will happen.
import type { RosterResponse } from '../../../flows/admin/admin-api-types.js';
import { shiftOccurrences } from '../../../flows/roster/roster-calendar.js';
import type { ShiftOverride, WeeklyShift } from '../../../flows/roster/roster-schema.js';
import { DAY_NAMES, DAYS, type Day, field, h, isoDate } from '../dom.js';
import { language, t } from '../i18n.js';
import { clearErrors, confirmThen, showErrors } from './forms.js';

const WEEK_MS = 7 * 24 * 3_600_000;

const KIND_LABELS: Record<ShiftOverride['kind'], string> = {
  cover: t('Someone covers a shift'),
  cancel: t('A shift is off that day'),
  swap: t('Two shifts swap holders'),
  extra: t('An extra one-off shift'),
};

interface ChangesContext {
  readonly roster: RosterResponse['roster'];
  readonly names: ReadonlyMap<string, string>;
  readonly volunteers: readonly { volunteerId: string; name: string }[];
  readonly timeZone: string;
  readonly now: number;
  saveOverrides(overrides: ShiftOverride[]): Promise<void>;
}

const shiftLabel = (shift: WeeklyShift, names: ReadonlyMap<string, string>): string =>
  `${names.get(shift.volunteerId) ?? shift.volunteerId}, ${DAY_NAMES[DAYS.indexOf(shift.day as Day)]} ${shift.start}–${shift.end}`;

export function describeOverride(
  change: ShiftOverride,
  context: Pick<ChangesContext, 'roster' | 'names'>,
): string {
  const name = (id: string) => context.names.get(id) ?? id;
  const shift = (id: string) => {
    const found = context.roster.weekly.find((s) => s.shiftId === id);
    return found ? shiftLabel(found, context.names) : id;
  };
  switch (change.kind) {
    case 'cover':
      return t('{date}: {name} covers {shift}', {
        date: change.date,
        name: name(change.volunteerId),
        shift: shift(change.shiftId),
      });
    case 'cancel':
      return t('{date}: {shift} is off', { date: change.date, shift: shift(change.shiftId) });
    case 'swap':
      return t('{firstDate} {first} swaps with {secondDate} {second}', {
        firstDate: change.first.date,
        first: shift(change.first.shiftId),
        secondDate: change.second.date,
        second: shift(change.second.shiftId),
      });
    case 'extra':
      return t('{date}: extra shift for {name}, {start}–{end}', {
        date: change.date,
        name: name(change.volunteerId),
        start: change.start,
        end: change.end,
      });
  }
}

export function rosterChanges(context: ChangesContext): HTMLElement {
  const { roster } = context;
  const changes = roster.overrides.length
    ? h(
        'ul',
        {},
        roster.overrides.map((change, index) => {
          const text = describeOverride(change, context);
          return h(
            'li',
            { 'data-override': change.kind },
            `${text} `,
            h(
              'button',
              {
                type: 'button',
                class: 'secondary',
                onclick: confirmThen(t('Remove this dated change? {change}', { change: text }), () =>
                  context.saveOverrides(roster.overrides.filter((_, i) => i !== index)),
                ),
              },
              t('Remove'),
            ),
          );
        }),
      )
    : h('p', {}, t('No dated changes.'));
  return h(
    'section',
    { 'aria-labelledby': 'changes-title' },
    h('h2', { id: 'changes-title' }, t('Dated changes')),
    changeForm(context),
    changes,
    nextSevenDays(context),
  );
}

function nextSevenDays({ roster, names, timeZone, now }: ChangesContext): HTMLElement {
  const occurrences = shiftOccurrences(
    { weekly: [...roster.weekly], overrides: [...roster.overrides] },
    now,
    now + WEEK_MS,
    timeZone,
  );
  const time = new Intl.DateTimeFormat(language() === 'es' ? 'es-ES' : 'en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  return h(
    'div',
    {},
    h('h3', {}, t('The next 7 days, changes applied')),
    occurrences.length === 0
      ? h('p', {}, t('Nobody is rostered in the next 7 days.'))
      : h(
          'ul',
          { class: 'occurrences' },
          occurrences.map((o) =>
            h(
              'li',
              { 'data-occurrence': o.occurrenceId },
              `${time.format(o.startsAt)} – ${time.format(o.endsAt)}: ${names.get(o.volunteerId) ?? o.volunteerId}${o.source === 'extra' ? t(' (extra)') : ''}`,
            ),
          ),
        ),
  );
}

function changeForm(context: ChangesContext): HTMLElement {
  const { roster, names, volunteers, timeZone, now } = context;
  const today = isoDateIn(now, timeZone);
  const kind = h(
    'select',
    { name: 'kind', id: 'change-kind' },
    (Object.keys(KIND_LABELS) as ShiftOverride['kind'][]).map((k) =>
      h('option', { value: k }, KIND_LABELS[k]),
    ),
  );
  const shiftChoice = (name: string) =>
    h(
      'select',
      { name, id: `change-${name}` },
      roster.weekly.map((s) => h('option', { value: s.shiftId }, shiftLabel(s, names))),
    );
  const shiftId = shiftChoice('shiftId');
  const date = h('input', { type: 'date', name: 'date', id: 'change-date', value: today });
  const volunteerId = h(
    'select',
    { name: 'volunteerId', id: 'change-volunteerId' },
    volunteers.map((v) => h('option', { value: v.volunteerId }, v.name)),
  );
  const start = h('input', { type: 'time', name: 'start', id: 'change-start', value: '18:00' });
  const end = h('input', { type: 'time', name: 'end', id: 'change-end', value: '22:00' });
  const secondShift = shiftChoice('secondShiftId');
  const secondDate = h('input', { type: 'date', name: 'secondDate', id: 'change-secondDate', value: today });
  const parts = {
    shift: field(t('Shift'), shiftId),
    date: field(t('Date'), date),
    volunteer: field(t('Who'), volunteerId),
    start: field(t('From'), start),
    end: field(t('To (before “from”: overnight)'), end),
    secondShift: field(t('Swap with shift'), secondShift),
    secondDate: field(t('on date'), secondDate),
  };
  const shown: Record<ShiftOverride['kind'], (keyof typeof parts)[]> = {
    cover: ['shift', 'date', 'volunteer'],
    cancel: ['shift', 'date'],
    swap: ['shift', 'date', 'secondShift', 'secondDate'],
    extra: ['date', 'volunteer', 'start', 'end'],
  };
  const showFor = () => {
    for (const [key, element] of Object.entries(parts)) {
      element.hidden = !shown[kind.value as ShiftOverride['kind']].includes(key as keyof typeof parts);
    }
  };
  kind.addEventListener('change', showFor);
  showFor();
  const read = (): ShiftOverride => {
    switch (kind.value as ShiftOverride['kind']) {
      case 'cover':
        return { kind: 'cover', shiftId: shiftId.value, date: date.value, volunteerId: volunteerId.value };
      case 'cancel':
        return { kind: 'cancel', shiftId: shiftId.value, date: date.value };
      case 'swap':
        return {
          kind: 'swap',
          first: { shiftId: shiftId.value, date: date.value },
          second: { shiftId: secondShift.value, date: secondDate.value },
        };
      case 'extra':
        return {
          kind: 'extra',
          overrideId: `extra-${Date.now().toString(36)}`,
          volunteerId: volunteerId.value,
          date: date.value,
          start: start.value,
          end: end.value === '00:00' ? '24:00' : end.value,
        };
    }
  };
  const form = h(
    'form',
    {
      class: 'card inline',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        clearErrors(form);
        try {
          await context.saveOverrides([...roster.overrides, read()]);
        } catch (error) {
          showErrors(form, error);
        }
      },
    },
    field(t('Change'), kind),
    Object.values(parts),
    h('p', { role: 'alert', class: 'error' }),
    h('button', { type: 'submit' }, t('Add dated change')),
  );
  return form;
}

/** The local date in the line's timezone, which is what overrides are keyed by. */
function isoDateIn(instant: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return parts.year ? `${parts.year}-${parts.month}-${parts.day}` : isoDate(instant);
}
