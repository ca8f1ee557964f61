// The settings that are more than one value, as forms: opening hours as a week grid, holidays as dates,
// the overflow as a choice with its number, coordinator numbers as a list, the timezone from the IANA list,
// the line's name and its greeting per language.
// Each returns its element and how to read the value back for the PATCH.
import type { LineSettings, Overflow } from '../../../flows/line-settings.js';
import type { LineHours, OpeningWindow } from '../../../flows/roster/roster-schema.js';
import { DAY_NAMES, DAYS, field, h } from '../dom.js';
import { type Phrase, t } from '../i18n.js';

export interface SettingForm<T> {
  readonly element: HTMLElement;
  /** The value to send, given the one saved now (the page may have saved since it was drawn). */
  read(saved?: T): T;
}

const errorSlot = (key: string) => h('span', { class: 'field-error', 'data-error-for': key });

/**
 * One row per opening window, so a day with a break (two windows) keeps both; a day with none is shown
 * closed. "To 24:00" is midnight at the end of the day, and a "to" earlier than "from" runs overnight.
 */
export function hoursForm(hours: LineHours): SettingForm<LineHours> {
  const alwaysOpen = h('input', { type: 'checkbox', name: 'alwaysOpen', checked: hours.alwaysOpen });
  const rows = DAYS.flatMap((day, index) => {
    const windows = hours.windows.filter((w) => w.day === day);
    return (windows.length ? windows : [undefined]).map((window, nth) => {
      const label = nth === 0 ? DAY_NAMES[index] : t('{day} (again)', { day: DAY_NAMES[index] ?? day });
      const open = h('input', {
        type: 'checkbox',
        'aria-label': t('{day}: open', { day: label ?? day }),
        checked: !!window,
      });
      const start = h('input', {
        type: 'time',
        'aria-label': t('{day}: from', { day: label ?? day }),
        value: window?.start ?? '09:00',
      });
      const end = h('input', {
        type: 'text',
        inputmode: 'numeric',
        pattern: '([01][0-9]|2[0-3]):[0-5][0-9]|24:00',
        size: 5,
        'aria-label': t('{day}: to (HH:MM, 24:00 for midnight)', { day: label ?? day }),
        value: window?.end ?? '17:00',
      });
      const row = h(
        'tr',
        { 'data-hours-day': day },
        h('th', { scope: 'row' }, label),
        h('td', {}, open),
        h('td', {}, start),
        h('td', {}, end),
      );
      return {
        row,
        read: (): OpeningWindow | undefined =>
          open.checked ? { day, start: start.value, end: end.value } : undefined,
      };
    });
  });
  const holidays = dateList(hours.holidays);
  const element = h(
    'fieldset',
    { class: 'card' },
    h('legend', {}, t('Opening hours')),
    h('label', {}, alwaysOpen, ` ${t('Open around the clock (holidays still close the line)')}`),
    h(
      'table',
      { class: 'hours-grid' },
      h('caption', {}, t('Weekly hours, in the line’s timezone')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          (['Day', 'Open', 'From', 'To'] as const).map((label) => h('th', { scope: 'col' }, t(label))),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((r) => r.row),
      ),
    ),
    errorSlot('hours'),
    h('p', { class: 'subhead' }, t('Holidays (closed all day)')),
    holidays.element,
  );
  return {
    element,
    read: () => ({
      alwaysOpen: alwaysOpen.checked,
      windows: rows.map((r) => r.read()).filter((w): w is OpeningWindow => w !== undefined),
      holidays: holidays.read(),
    }),
  };
}

/** A growable list of inputs of one type, each with a remove button. */
function inputList(
  values: readonly string[],
  options: { type: 'date' | 'tel'; itemLabel: string; addLabel: string; errorKey: string },
): SettingForm<string[]> {
  const list = h('ul', { class: 'input-list' });
  const add = (value: string) => {
    const input = h('input', { type: options.type, value, 'aria-label': options.itemLabel });
    const item = h(
      'li',
      {},
      input,
      h(
        'button',
        { type: 'button', class: 'secondary', onclick: () => item.remove() },
        t('Remove {item}', { item: options.itemLabel.toLowerCase() }),
      ),
    );
    list.append(item);
    return input;
  };
  values.forEach(add);
  const element = h(
    'div',
    {},
    list,
    h('button', { type: 'button', class: 'secondary', onclick: () => add('').focus() }, options.addLabel),
    errorSlot(options.errorKey),
  );
  return {
    element,
    read: () =>
      Array.from(list.querySelectorAll('input'))
        .map((input) => input.value.trim())
        .filter((value) => value !== ''),
  };
}

const dateList = (dates: readonly string[]) =>
  inputList(dates, {
    type: 'date',
    itemLabel: t('Holiday'),
    addLabel: t('Add a holiday'),
    errorKey: 'holidays',
  });

export function coordinatorNumbersForm(numbers: readonly string[]): SettingForm<string[]> {
  const list = inputList(numbers, {
    type: 'tel',
    itemLabel: t('Coordinator number'),
    addLabel: t('Add a coordinator number'),
    errorKey: 'coordinatorNumbers',
  });
  return {
    element: h(
      'fieldset',
      { class: 'card' },
      h('legend', {}, t('Coordinator numbers (texted about escalations and unstaffed hours)')),
      list.element,
    ),
    read: list.read,
  };
}

const OVERFLOW_CHOICES: { kind: Overflow['kind']; label: string }[] = [
  { kind: 'partner-line', label: t('Put them through to a partner line') },
  { kind: 'text-back', label: t('Offer a text when a volunteer is free') },
  { kind: 'resources', label: t('Give them the crisis line and other resources') },
];

/** What a caller gets after the longest wait: a choice, and the partner line's number when that is chosen. */
export function overflowForm(overflow: Overflow): SettingForm<Overflow> {
  const number = h('input', {
    type: 'tel',
    name: 'number',
    value: overflow.kind === 'partner-line' ? overflow.number : '',
    'aria-label': t('Partner line number'),
  });
  const radios = OVERFLOW_CHOICES.map(({ kind, label }) => ({
    kind,
    input: h('input', { type: 'radio', name: 'overflow-kind', value: kind, checked: overflow.kind === kind }),
    label,
  }));
  const element = h(
    'fieldset',
    { class: 'card' },
    h('legend', {}, t('When nobody answers in time')),
    radios.map(({ input, label, kind }) =>
      h(
        'div',
        {},
        h('label', {}, input, ` ${label}`),
        kind === 'partner-line' ? h('div', { class: 'field' }, number) : null,
      ),
    ),
    errorSlot('overflow'),
  );
  return {
    element,
    read: () => {
      const kind = radios.find((r) => r.input.checked)?.kind ?? overflow.kind;
      return kind === 'partner-line' ? { kind, number: number.value.trim() } : { kind };
    },
  };
}

/** The browser's own IANA list; a stored zone it does not know is kept as the first choice. */
export function timeZonePicker(current: LineSettings['timeZone']): HTMLSelectElement {
  const zones = Intl.supportedValuesOf('timeZone');
  const choices = zones.includes(current) ? zones : [current, ...zones];
  return h(
    'select',
    { name: 'timeZone' },
    choices.map((zone) =>
      h('option', { value: zone, selected: zone === current }, zone.replaceAll('_', ' ')),
    ),
  );
}

/**
 * A line of the coordinators' own words: empty means the standard wording, so a field never set stays unset
 * and one cleared is saved as empty (the API takes "" as "use the standard wording").
 */
function ownWords(saved: string | undefined, current: string): string | undefined {
  const value = current.trim();
  return value === '' && saved === undefined ? undefined : value;
}

/** The line's name, in the standard greeting and the first text. */
export function lineNameForm(lineName: LineSettings['lineName']): SettingForm<string | undefined> {
  const input = h('input', { name: 'lineName', type: 'text', maxlength: 60, value: lineName ?? '' });
  return {
    element: field(t('Line name'), input),
    read: (saved) => ownWords(saved, input.value),
  };
}

/** The welcome per language; callers always hear "peer line, not a crisis line" and the crisis key after it. */
export function greetingForm(greeting: LineSettings['greeting']): SettingForm<LineSettings['greeting']> {
  const box = (language: 'en' | 'es') =>
    h('textarea', { name: language, rows: 2, maxlength: 300 }, greeting?.[language] ?? '');
  const en = box('en');
  const es = box('es');
  const element = h(
    'fieldset',
    { class: 'card' },
    h('legend', {}, t('Greeting')),
    h(
      'p',
      { class: 'subhead' },
      t(
        'Leave empty for the standard welcome. Callers always hear that this is a peer line, not a crisis line, and how to reach the crisis line.',
      ),
    ),
    field(t('Greeting (English)'), en),
    field(t('Greeting (Spanish)'), es),
  );
  return {
    element,
    read: (saved) => {
      const words = { en: en.value.trim(), es: es.value.trim() };
      const set = Object.fromEntries(Object.entries(words).filter(([, value]) => value !== ''));
      return Object.keys(set).length === 0 && saved === undefined ? undefined : set;
    },
  };
}

const LANGUAGE_CHOICES: { value: 'en' | 'es'; label: Phrase }[] = [
  { value: 'en', label: 'English' },
  { value: 'es', label: 'Spanish' },
];

function languageSelect(name: string, label: string, current: 'en' | 'es'): HTMLSelectElement {
  return h(
    'select',
    { name, 'aria-label': label },
    ...LANGUAGE_CHOICES.map(({ value, label: words }) =>
      h('option', { value, selected: value === current }, t(words)),
    ),
  );
}

/** The language the on-call clinician reads alerts and hears call-backs in (not the texter's). */
export function clinicianLanguageForm(current: LineSettings['clinicianLanguage']): SettingForm<'en' | 'es'> {
  const label = t('Language of the clinician’s alerts');
  const select = languageSelect('clinicianLanguage', label, current);
  return { element: field(label, select), read: () => (select.value === 'es' ? 'es' : 'en') };
}

/** Each saved coordinator number's alert language; a number added today is texted in English until saved. */
export function coordinatorLanguagesForm(
  numbers: readonly string[],
  languages: LineSettings['coordinatorLanguages'],
): SettingForm<LineSettings['coordinatorLanguages']> {
  const selects = numbers.map((number) => ({
    number,
    select: languageSelect(
      'coordinatorLanguage',
      t('Alert language for {number}', { number }),
      languages[number] ?? 'en',
    ),
  }));
  const element = h(
    'fieldset',
    { class: 'card' },
    h('legend', {}, t('Language of each coordinator’s alerts')),
    ...selects.map(({ number, select }) => field(number, select)),
    errorSlot('coordinatorLanguages'),
  );
  return {
    element,
    read: () =>
      Object.fromEntries(
        selects.map(({ number, select }) => [number, select.value === 'es' ? 'es' : 'en'] as const),
      ),
  };
}

/** A short clip repeated between hold messages; empty for silence. Twilio fetches it over https. */
export function holdAudioForm(url: LineSettings['holdAudioUrl']): SettingForm<string | undefined> {
  const input = h('input', { name: 'holdAudioUrl', type: 'url', value: url ?? '' });
  return {
    element: h(
      'div',
      {},
      field(t('Hold audio (https address of a short clip)'), input),
      h(
        'p',
        { class: 'subhead' },
        t(
          'Played between hold messages while callers can still press 1 or 9. Use a clip of 10 seconds or less and give its length below: it is repeated, and a longer file would keep callers past the longest wait.',
        ),
      ),
      errorSlot('holdAudioUrl'),
    ),
    read: () => ownWords(url, input.value),
  };
}
