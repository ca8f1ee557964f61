// Blocked callers: blocked from a contact in the log, by its caller key; coordinators never see a number.
import type { BlockedResponse, ContactsResponse } from '../../../flows/admin/admin-api-types.js';
import { request } from '../api.js';
import { field, formatSeconds, h } from '../dom.js';
import { t } from '../i18n.js';
import { confirmThen, showErrors } from './forms.js';

export async function blockedPage(main: HTMLElement): Promise<undefined> {
  const blockedList = h('div', { 'aria-live': 'polite' });
  const contactsList = h('div');
  const reason = h('input', { name: 'reason', maxlength: 200 });
  const form = h(
    'form',
    { class: 'card', onsubmit: (e: Event) => e.preventDefault() },
    field(t('Reason (kept in the audit log)'), reason),
    h('p', { role: 'alert', class: 'error' }),
  );

  const refresh = async () => {
    const [{ blocked }, { contacts }] = await Promise.all([
      request<BlockedResponse>('GET', '/blocked'),
      request<ContactsResponse>('GET', '/contacts'),
    ]);
    blockedList.replaceChildren(
      blocked.length === 0
        ? h('p', {}, t('Nobody is blocked.'))
        : h(
            'ul',
            {},
            blocked.map((b) =>
              h(
                'li',
                {},
                `${t('From contact {contact}, {when} by {who}', { contact: b.contactId, when: new Date(b.addedAt).toLocaleString(), who: b.addedBy })}${b.reason ? `: ${b.reason}` : ''} `,
                h(
                  'button',
                  {
                    type: 'button',
                    onclick: async () => {
                      await request('DELETE', `/blocked/${b.blockId}`);
                      await refresh();
                    },
                  },
                  t('Unblock'),
                ),
              ),
            ),
          ),
    );
    contactsList.replaceChildren(
      contacts.length === 0
        ? h('p', {}, t('No contacts in the last 30 days.'))
        : h(
            'table',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                (['When', 'Channel', 'Outcome', 'Wait', 'Repeat'] as const).map((label) =>
                  h('th', { scope: 'col' }, t(label)),
                ),
                h('th', { scope: 'col' }),
              ),
            ),
            h(
              'tbody',
              {},
              contacts.slice(0, 200).map((c) =>
                h(
                  'tr',
                  {},
                  h('td', {}, new Date(c.startedAt).toLocaleString()),
                  h('td', {}, `${c.channel} · ${c.language}`),
                  h('td', {}, c.outcome ?? t('live')),
                  h('td', {}, formatSeconds(c.waitSeconds)),
                  h('td', {}, c.repeatCount),
                  h(
                    'td',
                    {},
                    h(
                      'button',
                      {
                        type: 'button',
                        class: 'secondary',
                        onclick: confirmThen(
                          t(
                            'Block this caller? The line will stop putting their calls and texts through until someone unblocks them.',
                          ),
                          async () => {
                            try {
                              await request('POST', '/blocked', {
                                contactId: c.contactId,
                                ...(reason.value ? { reason: reason.value } : {}),
                              });
                              await refresh();
                            } catch (error) {
                              showErrors(form, error);
                            }
                          },
                        ),
                      },
                      t('Block this caller'),
                    ),
                  ),
                ),
              ),
            ),
          ),
    );
  };
  main.append(h('h2', {}, t('Blocked')), blockedList, h('h2', {}, t('Recent contacts')), form, contactsList);
  await refresh();
  return undefined;
}
