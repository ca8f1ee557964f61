// Reports over a date range: outcomes, answer and abandonment rates, waits, escalations, repeat callers,
// an hour-of-week heat map and coverage against demand, with CSV export.
import type { ReportResponse } from '../../../flows/admin/admin-api-types.js';
import { download, request } from '../api.js';
import { field, formatSeconds, h, isoDate, percent } from '../dom.js';
import { showErrors } from './forms.js';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export async function reportsPage(main: HTMLElement): Promise<undefined> {
  const now = Date.now();
  const from = h('input', { name: 'from', type: 'date', value: isoDate(now - 29 * 86_400_000) });
  const to = h('input', { name: 'to', type: 'date', value: isoDate(now) });
  const output = h('div', { 'aria-live': 'polite' });
  const query = () => `from=${from.value}&to=${to.value}`;
  const form = h(
    'form',
    {
      class: 'card inline',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        await show();
      },
    },
    field('From', from),
    field('To', to),
    h('button', { type: 'submit' }, 'Show report'),
    ' ',
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onclick: () => download(`/reports.csv?${query()}`, `report-${from.value}-${to.value}.csv`),
      },
      'Export CSV',
    ),
    h('p', { role: 'alert', class: 'error' }),
  );
  const show = async () => {
    try {
      output.replaceChildren(render(await request<ReportResponse>('GET', `/reports?${query()}`)));
    } catch (error) {
      showErrors(form, error);
    }
  };
  main.append(form, output);
  await show();
  return undefined;
}

function render(report: ReportResponse): HTMLElement {
  const { totals } = report;
  const figures: [string, string | number][] = [
    ['Contacts', totals.contacts],
    ['Answered', totals.answered],
    ['Answer rate', percent(report.answerRate)],
    ['Abandoned', totals.abandoned],
    ['Abandonment', percent(report.abandonmentRate)],
    ['Average wait', formatSeconds(report.averageWaitSeconds)],
    ['90th-percentile wait', formatSeconds(report.p90WaitSeconds)],
    ['Escalations', totals.escalated],
    ['Callers', totals.uniqueCallers],
    ['Repeat callers', totals.repeatCallers],
    ['Rostered volunteer-hours', report.rosteredHours.toFixed(1)],
    [
      'Contacts per rostered hour',
      report.contactsPerRosteredHour === null ? '–' : report.contactsPerRosteredHour.toFixed(2),
    ],
  ];
  const outcomes = [...new Set(Object.values(report.byChannelOutcome).flatMap((o) => Object.keys(o)))].sort();
  const max = Math.max(1, ...report.heatMap.flat());
  return h(
    'div',
    {},
    h('p', { class: 'muted' }, `${report.from} to ${report.to}, ${report.timeZone}`),
    h(
      'dl',
      { class: 'figures' },
      figures.map(([label, value]) =>
        h('div', { 'data-figure': label }, h('dt', {}, label), h('dd', {}, value)),
      ),
    ),
    h('h2', {}, 'Contacts by channel and outcome'),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Channel'),
          outcomes.map((o) => h('th', { scope: 'col' }, o)),
        ),
      ),
      h(
        'tbody',
        {},
        Object.entries(report.byChannelOutcome).map(([channel, counts]) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, channel),
            outcomes.map((o) => h('td', {}, counts[o] ?? 0)),
          ),
        ),
      ),
    ),
    h('h2', {}, 'Escalations by trigger'),
    Object.keys(report.escalationsByTrigger).length === 0
      ? h('p', {}, 'None in this range.')
      : h(
          'ul',
          {},
          Object.entries(report.escalationsByTrigger).map(([trigger, n]) => h('li', {}, `${trigger}: ${n}`)),
        ),
    h('h2', {}, 'Contacts by hour of week, and rostered volunteer-hours'),
    h(
      'table',
      { class: 'heat' },
      h('caption', {}, 'Each cell: contacts started (darker is busier) / volunteer-hours rostered'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Hour'),
          DAY_NAMES.map((d) => h('th', { scope: 'col' }, d)),
        ),
      ),
      h(
        'tbody',
        {},
        Array.from({ length: 24 }, (_, hour) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, String(hour).padStart(2, '0')),
            DAY_NAMES.map((_, day) => {
              const count = report.heatMap[day]?.[hour] ?? 0;
              const cover = report.coverageHours[day]?.[hour] ?? 0;
              const level = Math.ceil((count / max) * 4);
              return h(
                'td',
                { class: `heat-${level}${count > 0 && cover === 0 ? ' uncovered' : ''}` },
                `${count} / ${cover.toFixed(1)}`,
              );
            }),
          ),
        ),
      ),
    ),
  );
}
