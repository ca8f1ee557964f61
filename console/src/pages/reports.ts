// Reports over a date range: outcomes, answer and abandonment rates, waits, escalations, repeat callers,
// trend charts by day or week, an hour-of-week heat map of demand against rostered cover, CSV export.

import type { ReportResponse } from '../../../flows/admin/admin-api-types.js';
import type { DailyFigures } from '../../../flows/admin/contact-report.js';
import { download, request } from '../api.js';
import { field, formatSeconds, h, isoDate, percent } from '../dom.js';
import { type Phrase, t } from '../i18n.js';
import { lines, type Series, stackedBars } from './charts.js';
import { showErrors } from './forms.js';
import { surveyFigures } from './survey-figures.js';

/** What each outcome means, in the words a coordinator or funder uses. */
const OUTCOMES: readonly Series[] = [
  { key: 'completed', label: t('Talked with a volunteer'), colour: '#0b5cad' },
  { key: 'text-back', label: t('Asked for a text back'), colour: '#5b8fd6' },
  { key: 'escalated', label: t('Handed to the crisis line'), colour: '#7a1fa2' },
  { key: 'abandoned', label: t('Hung up while waiting'), colour: '#b35900' },
  { key: 'overflowed', label: t('Waited too long: overflow'), colour: '#a0101b' },
  { key: 'unanswered', label: t('Nobody was free in time: told so'), colour: '#c2410c' },
  { key: 'unreachable', label: t('Could not be texted back'), colour: '#78716c' },
  { key: 'unstaffed', label: t('Nobody was on shift'), colour: '#6b6b76' },
  { key: 'after-hours', label: t('Outside opening hours'), colour: '#9a9aa6' },
  { key: 'blocked', label: t('Blocked caller'), colour: '#3a3a42' },
  { key: 'live', label: t('Still going'), colour: '#14532d' },
];
const outcomeLabel = (key: string): string => OUTCOMES.find((o) => o.key === key)?.label ?? key;

const TRIGGERS: Record<string, string> = {
  'caller-key': t('The caller pressed 9'),
  'caller-language': t('What the caller said'),
  'texter-language': t('What the texter wrote'),
  volunteer: t('A volunteer escalated'),
};

const CHANNELS: Record<string, string> = { voice: t('Calls'), sms: t('Texts') };

const PRESETS: readonly { label: string; days: number }[] = [
  { label: t('Last 7 days'), days: 7 },
  { label: t('Last 30 days'), days: 30 },
  { label: t('Last 90 days'), days: 90 },
  { label: t('Last 12 months'), days: 365 },
];

/** Days, or Monday-first weeks once a range is too long for a bar a day to read. */
function periodsOf(daily: readonly DailyFigures[]): { label: string; days: DailyFigures[] }[] {
  if (daily.length <= 45) return daily.map((day) => ({ label: day.date.slice(5), days: [day] }));
  const weeks: { label: string; days: DailyFigures[] }[] = [];
  for (const day of daily) {
    const weekday = (new Date(`${day.date}T00:00:00Z`).getUTCDay() + 6) % 7;
    const last = weeks.at(-1);
    if (!last || weekday === 0)
      weeks.push({ label: t('wk {date}', { date: day.date.slice(5) }), days: [day] });
    else last.days.push(day);
  }
  return weeks;
}

const waitAt = (days: readonly DailyFigures[], key: 'p50WaitSeconds' | 'p90WaitSeconds'): number | null => {
  // A week's figure is the worst day's: a percentile cannot be averaged, and the worst day is what matters.
  const values = days.map((d) => d[key]).filter((v): v is number => v !== null);
  return values.length ? Math.max(...values) : null;
};

const DAY_NAMES = [t('Mon'), t('Tue'), t('Wed'), t('Thu'), t('Fri'), t('Sat'), t('Sun')];

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
    h(
      'div',
      { class: 'presets', role: 'group', 'aria-label': t('Date presets') },
      PRESETS.map(({ label, days }) =>
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            onclick: async () => {
              from.value = isoDate(Date.now() - (days - 1) * 86_400_000);
              to.value = isoDate(Date.now());
              await show();
            },
          },
          label,
        ),
      ),
    ),
    field(t('From'), from),
    field(t('To'), to),
    h('button', { type: 'submit' }, t('Show report')),
    ' ',
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onclick: () => download(`/reports.csv?${query()}`, `report-${from.value}-${to.value}.csv`),
      },
      t('Export CSV'),
    ),
    ' ',
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onclick: () => download(`/contacts.csv?${query()}`, `contacts-${from.value}-${to.value}.csv`),
      },
      t('Export contacts CSV'),
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
  const figures: [Phrase, string | number][] = [
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
  return h(
    'div',
    {},
    h(
      'p',
      { class: 'muted' },
      t('{from} to {to}, {timeZone}', { from: report.from, to: report.to, timeZone: report.timeZone }),
    ),
    h(
      'dl',
      { class: 'figures' },
      figures.map(([label, value]) =>
        h('div', { 'data-figure': label }, h('dt', {}, t(label)), h('dd', {}, value)),
      ),
    ),
    trends(report),
    h('h2', {}, t('Contacts by channel and outcome')),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('Channel')),
          outcomes.map((o) => h('th', { scope: 'col' }, outcomeLabel(o))),
        ),
      ),
      h(
        'tbody',
        {},
        Object.entries(report.byChannelOutcome).map(([channel, counts]) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, CHANNELS[channel] ?? channel),
            outcomes.map((o) => h('td', {}, counts[o] ?? 0)),
          ),
        ),
      ),
    ),
    h('h2', {}, t('Escalations by trigger')),
    Object.keys(report.escalationsByTrigger).length === 0
      ? h('p', {}, t('None in this range.'))
      : h(
          'ul',
          {},
          Object.entries(report.escalationsByTrigger).map(([trigger, n]) =>
            h('li', {}, `${TRIGGERS[trigger] ?? trigger}: ${n}`),
          ),
        ),
    heatMap(report),
    surveyFigures(report.survey),
  );
}

function trends(report: ReportResponse): HTMLElement {
  const periods = periodsOf(report.daily);
  const byWeek = periods.length !== report.daily.length;
  const sum = (days: readonly DailyFigures[], pick: (d: DailyFigures) => number) =>
    days.reduce((total, day) => total + pick(day), 0);
  const present = OUTCOMES.filter((o) => report.daily.some((d) => (d.byOutcome[o.key] ?? 0) > 0));
  return h(
    'section',
    { 'aria-labelledby': 'trend-title' },
    h(
      'h2',
      { id: 'trend-title' },
      byWeek ? t('Contacts by week and outcome') : t('Contacts by day and outcome'),
    ),
    report.totals.contacts === 0
      ? h('p', {}, t('No contacts in this range.'))
      : stackedBars(
          periods.map((p) => ({
            label: p.label,
            values: Object.fromEntries(
              OUTCOMES.map((o) => [o.key, sum(p.days, (d) => d.byOutcome[o.key] ?? 0)]),
            ),
          })),
          present,
          t(
            byWeek
              ? '{count} contacts from {from} to {to}, by week: {outcomes}.'
              : '{count} contacts from {from} to {to}, by day: {outcomes}.',
            {
              count: report.totals.contacts,
              from: report.from,
              to: report.to,
              outcomes: present
                .map(
                  (o) =>
                    `${o.label.toLowerCase()} ${report.daily.reduce((total, d) => total + (d.byOutcome[o.key] ?? 0), 0)}`,
                )
                .join(', '),
            },
          ),
        ),
    h('h2', {}, byWeek ? t('Answer rate and waits by week') : t('Answer rate and waits by day')),
    report.totals.queued === 0
      ? h('p', {}, t('Nobody was queued in this range.'))
      : [
          lines(
            periods.map((p) => {
              const queued = sum(p.days, (d) => d.queued);
              return {
                label: p.label,
                values: { answerRate: queued ? (100 * sum(p.days, (d) => d.answered)) / queued : null },
              };
            }),
            [{ key: 'answerRate', label: t('Answered, of those who waited'), colour: '#0b5cad' }],
            t(
              byWeek
                ? 'Answer rate by week; {rate} over the range.'
                : 'Answer rate by day; {rate} over the range.',
              {
                rate: percent(report.answerRate),
              },
            ),
            '%',
          ),
          lines(
            periods.map((p) => ({
              label: p.label,
              values: { p50: waitAt(p.days, 'p50WaitSeconds'), p90: waitAt(p.days, 'p90WaitSeconds') },
            })),
            [
              { key: 'p50', label: t('Half waited less than (median)'), colour: '#14532d' },
              { key: 'p90', label: t('9 in 10 waited less than'), colour: '#b35900' },
            ],
            t(
              byWeek
                ? 'Waits for a volunteer by week, in seconds; over the range 9 in 10 waited under {wait}.'
                : 'Waits for a volunteer by day, in seconds; over the range 9 in 10 waited under {wait}.',
              { wait: formatSeconds(report.p90WaitSeconds) },
            ),
            ' s',
          ),
        ],
  );
}

/**
 * Demand against rostered cover by hour of the week: shade is how many contacts started then, the figure
 * under it the volunteer-hours rostered; a busy hour with nobody rostered is outlined. Hours with neither
 * stay blank, so the pattern shows instead of a page of zeros.
 */
function heatMap(report: ReportResponse): HTMLElement {
  const max = Math.max(1, ...report.heatMap.flat());
  return h(
    'section',
    { 'aria-labelledby': 'heat-title' },
    h('h2', { id: 'heat-title' }, t('When people reach out, and who was rostered')),
    h(
      'table',
      { class: 'heat' },
      h(
        'caption',
        {},
        t(
          'Each hour of the week: contacts started (darker is busier) and volunteer-hours rostered. Outlined: people reached out and nobody was rostered.',
        ),
      ),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('Hour')),
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
            h('th', { scope: 'row' }, `${String(hour).padStart(2, '0')}:00`),
            DAY_NAMES.map((_, day) => {
              const count = report.heatMap[day]?.[hour] ?? 0;
              const cover = report.coverageHours[day]?.[hour] ?? 0;
              if (count === 0 && cover === 0) return h('td', { 'data-empty': true });
              const level = count === 0 ? 0 : Math.ceil((count / max) * 4);
              return h(
                'td',
                {
                  class: `heat-${level}${count > 0 && cover === 0 ? ' uncovered' : ''}`,
                  'data-contacts': count,
                },
                h(
                  'span',
                  { class: 'count' },
                  count ? (count === 1 ? t('1 contact') : t('{count} contacts', { count })) : '',
                ),
                cover
                  ? h('span', { class: 'cover' }, t('{hours} h rostered', { hours: +cover.toFixed(1) }))
                  : null,
              );
            }),
          ),
        ),
      ),
    ),
  );
}
