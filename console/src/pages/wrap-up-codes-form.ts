// The wrap-up code lists as a settings form: whether volunteers are asked, and per list one row per code
// (its id, keypad digit and labels in English and Spanish), rows added and removed in place.
import type { WrapUpCode, WrapUpCodes } from '../../../flows/line-settings.js';
import { h } from '../dom.js';
import { type Phrase, t } from '../i18n.js';
import type { SettingForm } from './settings-forms.js';

type ListName = 'topics' | 'referrals';

const LIST_WORDS: Record<ListName, { caption: Phrase; add: Phrase }> = {
  topics: { caption: 'Topics', add: 'Add a topic' },
  referrals: { caption: 'Referrals (kind of service)', add: 'Add a referral' },
};

function codeTable(name: ListName, codes: readonly WrapUpCode[]): SettingForm<WrapUpCode[]> {
  const body = h('tbody', {});
  const rows: { row: HTMLTableRowElement; read: () => WrapUpCode }[] = [];
  const cell = (label: string, value: string, size: number) =>
    h('td', {}, h('input', { type: 'text', value, size, 'aria-label': label }));
  const add = (code: WrapUpCode) => {
    const n = rows.length + 1;
    const id = cell(t('{list} {n}: id', { list: t(LIST_WORDS[name].caption), n }), code.id, 14);
    const key = cell(t('{list} {n}: keypad digit', { list: t(LIST_WORDS[name].caption), n }), code.key, 2);
    const en = cell(
      t('{list} {n}: English label', { list: t(LIST_WORDS[name].caption), n }),
      code.label.en,
      20,
    );
    const es = cell(
      t('{list} {n}: Spanish label', { list: t(LIST_WORDS[name].caption), n }),
      code.label.es,
      20,
    );
    const entry = {
      row: h('tr', { 'data-code-list': name }),
      read: (): WrapUpCode => {
        const value = (td: HTMLElement) => td.querySelector('input')?.value.trim() ?? '';
        return { id: value(id), key: value(key), label: { en: value(en), es: value(es) } };
      },
    };
    entry.row.append(
      key,
      id,
      en,
      es,
      h(
        'td',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            onclick: () => {
              entry.row.remove();
              rows.splice(rows.indexOf(entry), 1);
            },
          },
          t('Remove'),
        ),
      ),
    );
    rows.push(entry);
    body.append(entry.row);
  };
  for (const code of codes) add(code);
  const element = h(
    'div',
    {},
    h(
      'table',
      { class: 'code-list' },
      h('caption', {}, t(LIST_WORDS[name].caption)),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          (['Key', 'Id (kept in the log)', 'English', 'Spanish', 'Remove'] as const).map((label) =>
            h('th', { scope: 'col' }, t(label)),
          ),
        ),
      ),
      body,
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onclick: () => add({ id: '', key: '', label: { en: '', es: '' } }),
      },
      t(LIST_WORDS[name].add),
    ),
  );
  return { element, read: () => rows.map((entry) => entry.read()) };
}

export function wrapUpCodesForm(codes: WrapUpCodes): SettingForm<WrapUpCodes> {
  const enabled = h('input', { type: 'checkbox', name: 'wrapUpCodesEnabled', checked: codes.enabled });
  const topics = codeTable('topics', codes.topics);
  const referrals = codeTable('referrals', codes.referrals);
  const element = h(
    'fieldset',
    { class: 'card' },
    h('legend', {}, t('Wrap-up codes')),
    h(
      'p',
      { class: 'subhead' },
      t(
        'After each call or text conversation the volunteer may key or text these codes (never notes). The log keeps the id: reword a label freely; a removed code still counts under its id in reports.',
      ),
    ),
    h('label', {}, enabled, ` ${t('Ask volunteers for wrap-up codes')}`),
    topics.element,
    referrals.element,
    h('span', { class: 'field-error', 'data-error-for': 'wrapUpCodes' }),
  );
  return {
    element,
    read: () => ({ enabled: enabled.checked, topics: topics.read(), referrals: referrals.read() }),
  };
}
