// Showing the API's answer on a form: each issue beside its field, the rest in the form's alert.
import { ApiError } from '../api.js';

export function showErrors(form: HTMLElement, error: unknown): void {
  clearErrors(form);
  const alert = form.querySelector<HTMLElement>('[role="alert"]');
  if (!(error instanceof ApiError)) {
    if (alert) alert.textContent = error instanceof Error ? error.message : String(error);
    return;
  }
  const unplaced: string[] = [];
  for (const issue of error.issues) {
    const slot = form.querySelector<HTMLElement>(`[data-error-for="${issue.path.split('.')[0]}"]`);
    const text =
      issue.row === undefined ? issue.message : `row ${issue.row}: ${issue.path}: ${issue.message}`;
    if (slot && issue.row === undefined) slot.textContent = text;
    else unplaced.push(text);
  }
  if (alert) alert.textContent = [error.message, ...unplaced].join('\n');
}

export function clearErrors(form: HTMLElement): void {
  form.querySelectorAll<HTMLElement>('[data-error-for], [role="alert"]').forEach((slot) => {
    slot.textContent = '';
  });
}
