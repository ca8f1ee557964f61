// Showing the API's answer on a form: each issue once, in words, beside its field; the form's alert names
// the fields to look at (so a screen reader hears it) and carries only what has no field of its own.
import { ApiError, download, type FieldIssue, request } from '../api.js';
import { field, h } from '../dom.js';
import { t } from '../i18n.js';
import { errorText, issueText } from '../issue-words.js';

export function showErrors(form: HTMLElement, error: unknown): void {
  clearErrors(form);
  const alert = form.querySelector<HTMLElement>('[role="alert"]');
  if (!(error instanceof ApiError) || error.issues.length === 0) {
    if (alert) alert.textContent = errorText(error);
    return;
  }
  const marked: string[] = [];
  const unplaced: string[] = [];
  for (const issue of error.issues) {
    const key = fieldKey(form, issue.path);
    const slot =
      issue.row === undefined && key ? form.querySelector<HTMLElement>(`[data-error-for="${key}"]`) : null;
    if (slot && key) {
      const text = issueText(issue);
      slot.textContent = slot.textContent ? `${slot.textContent}\n${text}` : text;
      marked.push(labelOf(form, key));
    } else {
      unplaced.push(describe(form, issue));
    }
  }
  const lines = [...new Set(marked)].map((label) => t('Check {label}.', { label }));
  if (alert) alert.textContent = [...lines, ...unplaced].join('\n');
}

export function clearErrors(form: HTMLElement): void {
  form.querySelectorAll<HTMLElement>('[data-error-for], [role="alert"]').forEach((slot) => {
    slot.textContent = '';
  });
}

/** Runs an action that cannot be taken back with one click only after the coordinator confirms it. */
export function confirmThen(question: string, action: () => Promise<void>): () => Promise<void> {
  return async () => {
    if (window.confirm(question)) await action();
  };
}

/** The words a coordinator sees for a field: its label or legend, never the API's key. */
function labelOf(form: HTMLElement, key: string): string {
  const slot = form.querySelector<HTMLElement>(`[data-error-for="${key}"]`);
  const input = form.querySelector<HTMLInputElement>(`[name="${key}"]`);
  const text =
    input?.labels?.[0]?.textContent ?? slot?.closest('fieldset')?.querySelector('legend')?.textContent;
  return text ? `“${text.trim()}”` : t('the marked field');
}

/** CSV rows are named by row and column, the column being the header the coordinator wrote. */
function describe(form: HTMLElement, issue: FieldIssue): string {
  if (issue.row !== undefined)
    return t('Row {row}, {path}: {message}', { row: issue.row, path: issue.path, message: issueText(issue) });
  const key = fieldKey(form, issue.path);
  return key ? `${labelOf(form, key)}: ${issueText(issue)}` : issueText(issue);
}

/** The part of an API path ("settings.hours.mon.0.start") that this form has a field or error slot for. */
function fieldKey(form: HTMLElement, path: string): string | undefined {
  return path
    .split('.')
    .find((segment) => form.querySelector(`[data-error-for="${segment}"], [name="${segment}"]`));
}

/**
 * A CSV file chosen, sent whole, and every bad row listed by number with its column: the API checks all
 * rows first and applies none if one is wrong.
 */
export function csvImportForm<T>(options: {
  path: string;
  importLabel: string;
  exportLabel: string;
  describe: (result: T) => string;
  onImported: () => Promise<void>;
}): HTMLElement {
  const file = h('input', { type: 'file', name: 'csv', accept: '.csv,text/csv' });
  const result = h('p', { 'aria-live': 'polite' });
  const filename = options.path.replace(/^\//, '');
  const form = h(
    'form',
    {
      class: 'card',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const chosen = file.files?.[0];
        if (!chosen) return;
        try {
          const imported = await request<T>('POST', options.path, await chosen.text());
          clearErrors(form);
          result.textContent = options.describe(imported);
          await options.onImported();
        } catch (error) {
          result.textContent = '';
          showErrors(form, error);
        }
      },
    },
    h('h2', {}, t('CSV')),
    h('p', {}, t('Import checks every row first: one bad row and nothing is applied.')),
    field(t('CSV file'), file),
    h('p', { role: 'alert', class: 'error' }),
    h('button', { type: 'submit' }, options.importLabel),
    ' ',
    h(
      'button',
      { type: 'button', class: 'secondary', onclick: () => download(options.path, filename) },
      options.exportLabel,
    ),
    result,
  );
  return form;
}
