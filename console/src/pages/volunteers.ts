// Volunteers: the list (phones masked), adding and editing, deactivating, CSV import and export.
import type {
  CsvImportResponse,
  VolunteerResponse,
  VolunteersResponse,
  VolunteerView,
} from '../../../flows/admin/admin-api-types.js';
import { request } from '../api.js';
import { field, h } from '../dom.js';
import { t } from '../i18n.js';
import { clearErrors, confirmThen, csvImportForm, showErrors } from './forms.js';

export async function volunteersPage(main: HTMLElement): Promise<undefined> {
  const list = h('div', { 'aria-live': 'polite' });
  const refresh = async () => {
    const { volunteers } = await request<VolunteersResponse>('GET', '/volunteers');
    list.replaceChildren(volunteerTable(volunteers, edit, refresh));
  };
  const form = volunteerForm(refresh);
  const edit = (volunteer: VolunteerView) => form.edit(volunteer);
  main.append(list, form.element, csvSection(refresh));
  await refresh();
  return undefined;
}

function volunteerTable(
  volunteers: readonly VolunteerView[],
  edit: (v: VolunteerView) => void,
  refresh: () => Promise<void>,
): HTMLElement {
  if (volunteers.length === 0) return h('p', {}, t('No volunteers yet.'));
  return h(
    'table',
    {},
    h('caption', {}, t('{count} volunteers', { count: volunteers.length })),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        (['Name', 'Phone', 'Languages', 'Texts at once', 'Status', 'Actions'] as const).map((label) =>
          h('th', { scope: 'col' }, t(label)),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      volunteers.map((v) =>
        h(
          'tr',
          { 'data-volunteer': v.volunteerId },
          h('th', { scope: 'row' }, v.name),
          h('td', {}, v.phoneMasked),
          h('td', {}, v.languages.join(', ')),
          h('td', {}, v.maxTextSessions),
          h(
            'td',
            {},
            !v.active ? t('inactive') : v.onShift ? t('on shift') : t('off shift'),
            v.supervisor ? ` · ${t('supervisor')}` : '',
          ),
          h(
            'td',
            {},
            h('button', { type: 'button', onclick: () => edit(v) }, t('Edit {name}', { name: v.name })),
            v.active &&
              h(
                'button',
                {
                  type: 'button',
                  class: 'secondary',
                  onclick: confirmThen(
                    t('Deactivate {name}? They will no longer be offered calls or texts.', { name: v.name }),
                    async () => {
                      await request('DELETE', `/volunteers/${v.volunteerId}?version=${v.version}`);
                      await refresh();
                    },
                  ),
                },
                t('Deactivate {name}', { name: v.name }),
              ),
          ),
        ),
      ),
    ),
  );
}

function volunteerForm(refresh: () => Promise<void>): { element: HTMLElement; edit(v: VolunteerView): void } {
  let editing: VolunteerView | undefined;
  const name = h('input', { name: 'name', required: true, autocomplete: 'off' });
  const phone = h('input', { name: 'phone', type: 'tel', placeholder: '+1 202 555 0142' });
  const en = h('input', { type: 'checkbox', name: 'lang-en', checked: true });
  const es = h('input', { type: 'checkbox', name: 'lang-es' });
  const maxTexts = h('input', { name: 'maxTextSessions', type: 'number', min: 0, max: 10, value: 3 });
  const notes = h('textarea', { name: 'notes', rows: 2 });
  const supervisor = h('input', { type: 'checkbox', name: 'supervisor' });
  const heading = h('h2', {}, t('Add a volunteer'));
  const submit = h('button', { type: 'submit' }, t('Add volunteer'));
  const form = h(
    'form',
    {
      class: 'card',
      'aria-labelledby': 'volunteer-form-title',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const languages = [en.checked && 'en', es.checked && 'es'].filter(Boolean);
        const body: Record<string, unknown> = {
          name: name.value,
          languages,
          maxTextSessions: Number(maxTexts.value),
          supervisor: supervisor.checked,
          ...(notes.value ? { notes: notes.value } : {}),
        };
        try {
          if (editing) {
            if (phone.value) body.phone = phone.value;
            await request<VolunteerResponse>('PATCH', `/volunteers/${editing.volunteerId}`, {
              ...body,
              version: editing.version,
            });
          } else {
            await request<VolunteerResponse>('POST', '/volunteers', { ...body, phone: phone.value });
          }
          reset();
          await refresh();
        } catch (error) {
          showErrors(form, error);
        }
      },
    },
    heading,
    field(t('Name'), name),
    field(t('Phone (stored encrypted; shown masked)'), phone),
    h(
      'fieldset',
      {},
      h('legend', {}, t('Languages')),
      h('label', {}, en, ` ${t('English')}`),
      h('label', {}, es, ` ${t('Spanish')}`),
      h('span', { class: 'field-error', 'data-error-for': 'languages' }),
    ),
    field(t('Text conversations at once'), maxTexts),
    field(t('Notes'), notes),
    h(
      'label',
      {},
      supervisor,
      ` ${t('Supervisor: may listen in on and coach live calls, and is asked when a volunteer texts SUPPORT')}`,
    ),
    h('p', { role: 'alert', class: 'error' }),
    submit,
  );
  heading.id = 'volunteer-form-title';
  const reset = () => {
    editing = undefined;
    form.reset();
    clearErrors(form);
    heading.textContent = t('Add a volunteer');
    submit.textContent = t('Add volunteer');
    phone.placeholder = '+1 202 555 0142';
  };
  return {
    element: form,
    edit(volunteer) {
      editing = volunteer;
      clearErrors(form);
      heading.textContent = t('Edit {name}', { name: volunteer.name });
      submit.textContent = t('Save changes');
      name.value = volunteer.name;
      phone.value = '';
      phone.placeholder = t('{masked} (leave empty to keep)', { masked: volunteer.phoneMasked });
      en.checked = volunteer.languages.includes('en');
      es.checked = volunteer.languages.includes('es');
      maxTexts.value = String(volunteer.maxTextSessions);
      notes.value = volunteer.notes ?? '';
      supervisor.checked = volunteer.supervisor;
      name.focus();
    },
  };
}

function csvSection(refresh: () => Promise<void>): HTMLElement {
  return csvImportForm({
    path: '/volunteers.csv',
    importLabel: t('Import volunteers'),
    exportLabel: t('Export volunteers'),
    describe: (imported: CsvImportResponse) =>
      t('Imported: {created} added, {updated} updated.', {
        created: imported.created,
        updated: imported.updated,
      }),
    onImported: refresh,
  });
}
