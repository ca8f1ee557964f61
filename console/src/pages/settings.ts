// Line settings: numbers, hours, ring group, waits, overflow, prompts. A stale edit is refused with 409.
import type { SettingsResponse } from '../../../flows/admin/admin-api-types.js';
import type { LineSettings } from '../../../flows/line-settings.js';
import { ApiError, request } from '../api.js';
import { field, h } from '../dom.js';
import { clearErrors, showErrors } from './forms.js';

/** Plain fields get an input each; nested ones (hours, overflow, lists) are edited as JSON. */
const LABELS: Partial<Record<keyof LineSettings, string>> = {
  crisisNumber: 'Crisis line number (callers)',
  crisisTextNumber: 'Crisis text number (texters)',
  clinicianNumber: 'On-call clinician number',
  timeZone: 'Timezone (IANA)',
  ringGroupSize: 'Volunteers rung at once',
  offerRingSeconds: 'Seconds a volunteer is rung',
  whisperSeconds: 'Seconds to press 1 after the whisper',
  maxWaitSeconds: 'Longest wait before the overflow (seconds)',
  missedOffersBeforePause: 'Missed offers before a volunteer is paused',
  wrapUpSeconds: 'Wrap-up after a call (seconds)',
  holdLoopSeconds: 'Seconds between hold messages',
  textInactivityMinutes: 'Minutes before a quiet text conversation closes',
  shiftReminderMinutes: 'Shift reminder lead time (minutes)',
  liveStateHours: 'Hours a clinician call-back reference stays valid',
  voiceIntake: 'Ask callers how they are doing (speech intake)',
  allowOnOutsideRoster: 'Volunteers may text ON outside their rostered shifts',
};
const JSON_FIELDS: (keyof LineSettings)[] = ['hours', 'overflow', 'coordinatorNumbers'];

export async function settingsPage(main: HTMLElement): Promise<undefined> {
  let current = await request<SettingsResponse>('GET', '/settings');
  const inputs = new Map<keyof LineSettings, HTMLInputElement | HTMLTextAreaElement>();
  const saved = h('p', { 'aria-live': 'polite' });
  const fields = () => {
    const out: HTMLElement[] = [];
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
      out.push(field(label, input));
    }
    for (const key of JSON_FIELDS) {
      const input = h('textarea', { name: key, rows: key === 'hours' ? 8 : 3, spellcheck: false });
      input.value = JSON.stringify(current.settings[key], null, 1);
      inputs.set(key, input);
      out.push(field(`${key} (JSON)`, input));
    }
    return out;
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
        try {
          for (const [key, input] of inputs) {
            const before = current.settings[key];
            let value: unknown;
            if (input instanceof HTMLTextAreaElement) value = JSON.parse(input.value);
            else if (input.type === 'checkbox') value = input.checked;
            else if (input.type === 'number') value = Number(input.value);
            else value = input.value;
            if (JSON.stringify(value) !== JSON.stringify(before)) patch[key] = value;
          }
        } catch {
          showErrors(form, new Error('One of the JSON fields is not valid JSON.'));
          return;
        }
        try {
          current = await request<SettingsResponse>('PATCH', '/settings', {
            version: current.version,
            settings: patch,
          });
          saved.textContent = Object.keys(patch).length
            ? `Saved: ${Object.keys(patch).join(', ')}.`
            : 'Nothing changed.';
        } catch (error) {
          if (error instanceof ApiError && error.status === 409) {
            showErrors(
              form,
              new Error(
                'Someone else changed the settings since you opened them. Reload the page to see theirs.',
              ),
            );
          } else {
            showErrors(form, error);
          }
        }
      },
    },
    h('p', {}, `Line number: ${current.settings.lineNumber} (set at deployment)`),
    body,
    h('p', { role: 'alert', class: 'error' }),
    h('button', { type: 'submit' }, 'Save settings'),
    saved,
  );
  main.append(form);
  return undefined;
}
