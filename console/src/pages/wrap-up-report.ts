// The reports page's wrap-up section: contacts by topic and by referral, over the range and per period,
// named by the labels in the console's language; an id no longer in the settings is shown as such.

import type { ReportResponse } from '../../../flows/admin/admin-api-types.js';
import type { DailyFigures } from '../../../flows/admin/contact-report.js';
import type { WrapUpCode, WrapUpCodes } from '../../../flows/line-settings.js';
import { h } from '../dom.js';
import { language, type Phrase, t } from '../i18n.js';

export interface Period {
  readonly label: string;
  readonly days: readonly DailyFigures[];
}

function codeTable(
  title: Phrase,
  list: readonly WrapUpCode[],
  totals: Record<string, number>,
  perDay: (day: DailyFigures) => Record<string, number>,
  periods: readonly Period[],
): HTMLElement[] {
  const known = list.map((code) => code.id);
  const ids = [
    ...known.filter((id) => totals[id]),
    ...Object.keys(totals).filter((id) => !known.includes(id)),
  ];
  const name = (id: string) =>
    list.find((code) => code.id === id)?.label[language()] ?? t('{id} (no longer in the list)', { id });
  const slug = title === 'Contacts by topic' ? 'topics' : 'referrals';
  return [
    h('h3', {}, t(title)),
    ids.length === 0
      ? h('p', {}, t('None in this range.'))
      : h(
          'table',
          { 'data-wrap-up': slug },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, t('Code')),
              h('th', { scope: 'col' }, t('Total')),
              periods.map((p) => h('th', { scope: 'col' }, p.label)),
            ),
          ),
          h(
            'tbody',
            {},
            ids.map((id) =>
              h(
                'tr',
                { 'data-code': id },
                h('th', { scope: 'row' }, name(id)),
                h('td', {}, totals[id] ?? 0),
                periods.map((p) =>
                  h(
                    'td',
                    {},
                    p.days.reduce((sum, day) => sum + (perDay(day)[id] ?? 0), 0),
                  ),
                ),
              ),
            ),
          ),
        ),
  ];
}

export function wrapUpSection(
  report: ReportResponse,
  codes: WrapUpCodes,
  periods: readonly Period[],
): HTMLElement {
  const { wrapUp } = report;
  return h(
    'section',
    { 'aria-labelledby': 'wrap-up-title' },
    h('h2', { id: 'wrap-up-title' }, t('Wrap-up codes')),
    wrapUp.recorded === 0
      ? h('p', {}, t('No wrap-up codes in this range.'))
      : [
          h(
            'p',
            {},
            t('{recorded} contacts with wrap-up codes, {concerns} with a safety concern.', {
              recorded: wrapUp.recorded,
              concerns: wrapUp.safetyConcerns,
            }),
          ),
          ...codeTable('Contacts by topic', codes.topics, wrapUp.byTopic, (d) => d.byTopic, periods),
          ...codeTable(
            'Contacts by referral',
            codes.referrals,
            wrapUp.byReferral,
            (d) => d.byReferral,
            periods,
          ),
        ],
  );
}
