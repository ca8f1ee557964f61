// The audit log: who changed what, when.
import type { AuditResponse } from '../../../flows/admin/admin-api-types.js';
import { request } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';

export async function auditPage(main: HTMLElement): Promise<undefined> {
  const { entries } = await request<AuditResponse>('GET', '/audit');
  main.append(
    entries.length === 0
      ? h('p', {}, t('No changes in the last 30 days.'))
      : h(
          'table',
          {},
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              (['When', 'Who', 'What', 'Target', 'Summary'] as const).map((label) =>
                h('th', { scope: 'col' }, t(label)),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            entries.map((e) =>
              h(
                'tr',
                { 'data-audit': e.action },
                h('td', {}, new Date(e.at).toLocaleString()),
                h('td', {}, e.who),
                h('td', {}, e.action),
                h('td', {}, e.target),
                h('td', {}, e.summary),
              ),
            ),
          ),
        ),
  );
  return undefined;
}
