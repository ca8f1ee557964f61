// Line settings: numbers, hours, ring group, waits, overflow, wrap-up codes. A stale edit is refused with 409.
import type { SettingsResponse } from '../../../flows/admin/admin-api-types.js';
import type { LineSettings } from '../../../flows/line-settings.js';
import { ApiError, request } from '../api.js';
import { field, h } from '../dom.js';
import { t, translated } from '../i18n.js';
import { errorText } from '../issue-words.js';
import { clearErrors, showErrors } from './forms.js';
import {
  clinicianLanguageForm,
  coordinatorLanguagesForm,
  coordinatorNumbersForm,
  greetingForm,
  holdAudioForm,
  hoursForm,
  lineNameForm,
  overflowForm,
  type SettingForm,
  timeZonePicker,
} from './settings-forms.js';
import { surveyForm } from './survey-form.js';
import { wrapUpCodesForm } from './wrap-up-codes-form.js';

/** Plain fields get an input each; the timezone and the nested ones have forms of their own. */
const LABELS: Partial<Record<keyof LineSettings, string>> = {
  crisisNumber: 'Crisis line number (callers)',
  crisisTextNumber: 'Crisis text number (texters)',
  clinicianNumber: 'On-call clinician number',
  ringGroupSize: 'Volunteers rung at once',
  offerRingSeconds: 'Seconds a volunteer is rung',
  whisperSeconds: 'Seconds to press 1 after the whisper',
  maxWaitSeconds: 'Longest wait before the overflow (seconds)',
  missedOffersBeforePause: 'Missed offers before a volunteer is paused',
  wrapUpSeconds: 'Wrap-up after a call (seconds)',
  holdLoopSeconds: 'Seconds between hold messages',
  holdAudioSeconds: 'Length of the hold audio clip (seconds, at most 10)',
  textInactivityMinutes: 'Minutes before a quiet text conversation closes',
  textWaitMinutes: 'Minutes a text or text-back request waits for a peer',
  shiftReminderMinutes: 'Shift reminder lead time (minutes)',
  liveStateHours: 'Hours a clinician call-back reference stays valid',
  voiceIntake: 'Ask callers how they are doing (speech intake)',
  allowOnOutsideRoster: 'Volunteers may text ON outside their rostered shifts',
  supervisionEnabled: 'Supervisors may listen in on live calls and be asked for SUPPORT',
  coachingEnabled: 'Supervisors may also coach (heard by the volunteer only)',
};

/**
 * A routing change (crisis, clinician, partner numbers) waiting for a second coordinator: what it changes,
 * who proposed it, and a button to confirm it (the API refuses the proposer's own confirmation).
 */
function showPending(box: HTMLElement, current: SettingsResponse, reload: () => void): void {
  const pending = current.pending;
  box.replaceChildren();
  if (!pending) return;
  const error = h('p', { role: 'alert', class: 'error' });
  box.append(
    h(
      'p',
      {},
      t('Waiting for a second coordinator: {who} proposed changing the {fields} on {when}.', {
        who: pending.proposedBy,
        fields: pending.fields.map(translated).join(', '),
        when: new Date(pending.proposedAt).toLocaleString(),
      }),
    ),
    h(
      'button',
      {
        type: 'button',
        onclick: async () => {
          error.textContent = '';
          try {
            await request('POST', '/settings/confirm', { id: pending.id });
            reload();
          } catch (failure) {
            error.textContent =
              failure instanceof ApiError && failure.status === 403
                ? t('You proposed this change, so another coordinator must confirm it.')
                : failure instanceof Error
                  ? errorText(failure)
                  : t('Could not confirm the change.');
          }
        },
      },
      t('Confirm this change'),
    ),
    error,
  );
}

export async function settingsPage(main: HTMLElement): Promise<undefined> {
  let current = await request<SettingsResponse>('GET', '/settings');
  const pendingBox = h('section', { class: 'card', 'aria-label': t('Change waiting for confirmation') });
  const reload = () => {
    main.replaceChildren();
    void settingsPage(main);
  };
  showPending(pendingBox, current, reload);
  main.append(pendingBox);
  const inputs = new Map<keyof LineSettings, HTMLInputElement | HTMLSelectElement>();
  const saved = h('p', { 'aria-live': 'polite' });
  const timeZone = timeZonePicker(current.settings.timeZone);
  inputs.set('timeZone', timeZone);
  const forms: [keyof LineSettings, SettingForm<unknown>][] = [
    ['hours', hoursForm(current.settings.hours)],
    ['overflow', overflowForm(current.settings.overflow)],
    ['coordinatorNumbers', coordinatorNumbersForm(current.settings.coordinatorNumbers)],
    [
      'coordinatorLanguages',
      coordinatorLanguagesForm(current.settings.coordinatorNumbers, current.settings.coordinatorLanguages),
    ],
    ['clinicianLanguage', clinicianLanguageForm(current.settings.clinicianLanguage)],
    ['holdAudioUrl', holdAudioForm(current.settings.holdAudioUrl)],
    ['lineName', lineNameForm(current.settings.lineName)],
    ['greeting', greetingForm(current.settings.greeting)],
    ['survey', surveyForm(current.settings.survey)],
    ['wrapUpCodes', wrapUpCodesForm(current.settings.wrapUpCodes)],
  ];
  const fields = () => {
    const out: HTMLElement[] = [
      field(t('Timezone (shifts, hours and reports use its local time)'), timeZone),
    ];
    for (const [key, label] of Object.entries(LABELS) as [keyof LineSettings, string][]) {
      const value = current.settings[key];
      const input =
        typeof value === 'boolean'
          ? h('input', { name: key, type: 'checkbox', checked: value })
          : h('input', {
              name: key,
              type: typeof value === 'number' ? 'number' : 'text',
              value: String(value),
            });
      inputs.set(key, input);
      out.push(field(translated(label), input));
    }
    return [...out, ...forms.map(([, form]) => form.element)];
  };
  const body = h('div', {}, fields());
  const form = h(
    'form',
    {
      class: 'card',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        clearErrors(form);
        saved.textContent = '';
        const patch: Record<string, unknown> = {};
        const changed = (key: keyof LineSettings, value: unknown) => {
          if (JSON.stringify(value) !== JSON.stringify(current.settings[key])) patch[key] = value;
        };
        for (const [key, input] of inputs) {
          if (input instanceof HTMLInputElement && input.type === 'checkbox') changed(key, input.checked);
          else if (input.type === 'number') changed(key, Number(input.value));
          else changed(key, input.value);
        }
        for (const [key, form] of forms) changed(key, form.read(current.settings[key]));
        try {
          current = await request<SettingsResponse>('PATCH', '/settings', {
            version: current.version,
            settings: patch,
          });
          const proposed = current.pending && Object.keys(patch).length > 0;
          saved.textContent = proposed
            ? t(
                'Saved as a proposal: a change to the {fields} takes effect only when another coordinator confirms it. Every coordinator has been texted.',
                { fields: current.pending?.fields.map(translated).join(', ') ?? '' },
              )
            : Object.keys(patch).length
              ? t('Settings saved.')
              : t('Nothing changed.');
          showPending(pendingBox, current, reload);
        } catch (error) {
          if (error instanceof ApiError && error.status === 409) {
            showErrors(
              form,
              new Error(
                t('Someone else changed the settings since you opened them. Reload the page to see theirs.'),
              ),
            );
          } else {
            showErrors(form, error);
          }
        }
      },
    },
    h('p', {}, t('Line number: {number} (set at deployment)', { number: current.settings.lineNumber })),
    body,
    h('p', { role: 'alert', class: 'error' }),
    h('button', { type: 'submit' }, t('Save settings')),
    saved,
  );
  main.append(form);
  return undefined;
}
