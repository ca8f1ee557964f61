// The weekly roster as a grid: shifts by day and hour, gaps in the next week highlighted; add, move, remove;
// dated changes and the next seven days as they will run.
import type {
  RosterResponse,
  SettingsResponse,
  VolunteersResponse,
} from '../../../flows/admin/admin-api-types.js';
import type { ShiftOverride, WeeklyShift } from '../../../flows/roster/roster-schema.js';
import { request } from '../api.js';
import { DAY_NAMES, DAYS, type Day, field, h } from '../dom.js';
import { t } from '../i18n.js';
import { clearErrors, confirmThen, csvImportForm, showErrors } from './forms.js';
import { rosterChanges } from './roster-changes.js';

const minutes = (time: string): number => {
  const [hours = 0, mins = 0] = time.split(':').map(Number);
  return hours * 60 + mins;
};

/** Whether a weekly shift covers hour `hour` of `day`, overnight shifts spilling into the next day. */
function covers(shift: WeeklyShift, day: number, hour: number): boolean {
  const start = minutes(shift.start);
  let end = minutes(shift.end);
  if (end <= start) end += 24 * 60;
  const shiftDay = DAYS.indexOf(shift.day as Day);
  const at = (((day - shiftDay + 7) % 7) * 24 + hour) * 60;
  return at + 60 > start && at < end;
}

/** [day][hour] cells that fall in a coverage gap, in the line's timezone. */
function gapCells(gaps: RosterResponse['gaps'], timeZone: string): Set<string> {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    hourCycle: 'h23',
  });
  const cells = new Set<string>();
  for (const gap of gaps) {
    for (let t = gap.start; t < gap.end; t += 3_600_000) {
      const p = Object.fromEntries(parts.formatToParts(t).map((x) => [x.type, x.value]));
      cells.add(`${DAYS.indexOf(String(p.weekday).toLowerCase().slice(0, 3) as Day)}:${Number(p.hour)}`);
    }
  }
  return cells;
}

export async function rosterPage(main: HTMLElement): Promise<undefined> {
  const [{ volunteers }, { settings }] = await Promise.all([
    request<VolunteersResponse>('GET', '/volunteers'),
    request<SettingsResponse>('GET', '/settings'),
  ]);
  const names = new Map(volunteers.map((v) => [v.volunteerId, v.name]));
  let current: RosterResponse;
  const gridHolder = h('div', { class: 'grid-holder' });
  const listHolder = h('div', { 'aria-live': 'polite' });

  const changesHolder = h('div');
  const put = async (weekly: readonly WeeklyShift[], overrides: readonly ShiftOverride[]) => {
    current = await request<RosterResponse>('PUT', '/roster', {
      version: current.version,
      weekly,
      overrides,
    });
    render();
  };
  const save = (weekly: WeeklyShift[]) => put(weekly, current.roster.overrides);
  const render = () => {
    const gaps = gapCells(current.gaps, settings.timeZone);
    changesHolder.replaceChildren(
      rosterChanges({
        roster: current.roster,
        names,
        volunteers: volunteers.filter((v) => v.active),
        timeZone: settings.timeZone,
        now: Date.now(),
        saveOverrides: (overrides) => put(current.roster.weekly, overrides),
      }),
    );
    gridHolder.replaceChildren(
      h(
        'table',
        { class: 'roster-grid' },
        h(
          'caption',
          {},
          t('Weekly roster ({timeZone}); shaded cells: open hours nobody covers in the next 7 days', {
            timeZone: settings.timeZone,
          }),
        ),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t('Hour')),
            DAY_NAMES.map((d) => h('th', { scope: 'col' }, d.slice(0, 3))),
          ),
        ),
        h(
          'tbody',
          {},
          Array.from({ length: 24 }, (_, hour) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, `${String(hour).padStart(2, '0')}:00`),
              DAYS.map((_, day) => {
                const here = current.roster.weekly.filter((s) => covers(s, day, hour));
                const gap = gaps.has(`${day}:${hour}`);
                return h(
                  'td',
                  {
                    class: gap ? 'gap' : here.length ? 'covered' : '',
                    title: gap ? t('coverage gap') : undefined,
                  },
                  here.map((s) => names.get(s.volunteerId) ?? s.volunteerId).join(', ') ||
                    (gap ? t('gap') : ''),
                );
              }),
            ),
          ),
        ),
      ),
    );
    listHolder.replaceChildren(
      h('h2', {}, t('Shifts')),
      current.roster.weekly.length === 0
        ? h('p', {}, t('No shifts yet.'))
        : h(
            'ul',
            { class: 'shifts' },
            current.roster.weekly.map((shift) =>
              h(
                'li',
                { 'data-shift': shift.shiftId },
                `${names.get(shift.volunteerId) ?? shift.volunteerId}: ${DAY_NAMES[DAYS.indexOf(shift.day as Day)]} ${shift.start}–${shift.end} `,
                h('button', { type: 'button', onclick: () => form.edit(shift) }, t('Move')),
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'secondary',
                    onclick: confirmThen(
                      t("Remove {name}'s {day} {start}–{end} shift from the weekly roster?", {
                        name: names.get(shift.volunteerId) ?? shift.volunteerId,
                        day: DAY_NAMES[DAYS.indexOf(shift.day as Day)] ?? shift.day,
                        start: shift.start,
                        end: shift.end,
                      }),
                      () => save(current.roster.weekly.filter((s) => s.shiftId !== shift.shiftId)),
                    ),
                  },
                  t('Remove'),
                ),
              ),
            ),
          ),
      h(
        'p',
        {},
        current.onShiftNow.length === 0
          ? t('Nobody is rostered right now.')
          : t('Rostered now: {names}', {
              names: current.onShiftNow.map((id) => names.get(id) ?? id).join(', '),
            }),
      ),
    );
  };

  const form = shiftForm(
    volunteers.filter((v) => v.active),
    async (shift) => {
      const others = current.roster.weekly.filter((s) => s.shiftId !== shift.shiftId);
      await save([...others, shift]);
    },
  );
  current = await request<RosterResponse>('GET', '/roster');
  render();
  main.append(
    form.element,
    listHolder,
    changesHolder,
    gridHolder,
    csvImportForm({
      path: '/shifts.csv',
      importLabel: t('Import shifts'),
      exportLabel: t('Export shifts'),
      describe: (imported: RosterResponse) =>
        t('Imported: {count} weekly shifts; the file replaced the weekly roster.', {
          count: imported.roster.weekly.length,
        }),
      onImported: async () => {
        current = await request<RosterResponse>('GET', '/roster');
        render();
      },
    }),
  );
  return undefined;
}

function shiftForm(
  volunteers: VolunteersResponse['volunteers'],
  onSave: (shift: WeeklyShift) => Promise<void>,
): { element: HTMLElement; edit(shift: WeeklyShift): void } {
  let editing: string | undefined;
  const volunteer = h(
    'select',
    { name: 'volunteerId' },
    volunteers.map((v) => h('option', { value: v.volunteerId }, v.name)),
  );
  const day = h(
    'select',
    { name: 'day' },
    DAYS.map((d, i) => h('option', { value: d }, DAY_NAMES[i])),
  );
  const start = h('input', { name: 'start', type: 'time', value: '18:00', required: true });
  const end = h('input', { name: 'end', type: 'time', value: '22:00', required: true });
  const submit = h('button', { type: 'submit' }, t('Add shift'));
  const form = h(
    'form',
    {
      class: 'card inline',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        try {
          await onSave({
            shiftId: editing ?? `shift-${Date.now().toString(36)}`,
            volunteerId: volunteer.value,
            day: day.value as Day,
            start: start.value,
            end: end.value === '00:00' ? '24:00' : end.value,
          });
          editing = undefined;
          submit.textContent = t('Add shift');
          clearErrors(form);
        } catch (error) {
          showErrors(form, error);
        }
      },
    },
    h('h2', {}, t('Add or move a shift')),
    field(t('Volunteer'), volunteer),
    field(t('Day'), day),
    field(t('Starts'), start),
    field(t('Ends (before the start: overnight)'), end),
    h('p', { role: 'alert', class: 'error' }),
    submit,
  );
  return {
    element: form,
    edit(shift) {
      editing = shift.shiftId;
      volunteer.value = shift.volunteerId;
      day.value = shift.day;
      start.value = shift.start;
      end.value = shift.end === '24:00' ? '00:00' : shift.end;
      submit.textContent = t('Move shift');
      volunteer.focus();
    },
  };
}
