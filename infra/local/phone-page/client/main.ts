// The phone page in the browser: one card per phone (caller, volunteers, clinician), the timeline underneath,
// scenario buttons; everything redrawn from the long-polled state, inputs left alone while people type.
import type { PageCall, PagePhone, PageState, PageTimelineEntry } from '../page-types.js';
import { SCENARIOS } from '../page-types.js';
import { act, callPath, fetchState, phonePath } from './api.js';
import { element, formatTime, idFor } from './dom.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
const TIMELINE_SHOWN = 300;

const phonesBox = document.getElementById('phones') as HTMLElement;
const timelineBox = document.getElementById('timeline') as HTMLOListElement;
const statusBox = document.getElementById('status') as HTMLElement;
const soundToggle = document.getElementById('sound') as HTMLInputElement;
const scenariosBox = document.getElementById('scenarios') as HTMLElement;
const faultsBox = document.getElementById('faults') as HTMLElement;

const spokenLines = new Map<string, number>();

function report(error: unknown): void {
  statusBox.textContent = error instanceof Error ? error.message : String(error);
}

async function run(action: () => Promise<unknown>): Promise<void> {
  statusBox.textContent = '';
  await action().catch(report);
}

/** The browser reads new lines aloud only when the person has turned sound on. */
function speak(call: PageCall): void {
  const seen = spokenLines.get(call.sid) ?? 0;
  spokenLines.set(call.sid, call.transcript.length);
  if (!soundToggle.checked || !('speechSynthesis' in window)) return;
  for (const line of call.transcript.slice(seen)) speechSynthesis.speak(new SpeechSynthesisUtterance(line));
}

function phoneCard(phone: PagePhone): HTMLElement {
  const id = idFor('phone', phone.number);
  const existing = document.getElementById(id);
  if (existing) return existing;
  const textInput = element('input', { id: `${id}-text`, type: 'text', autocomplete: 'off' });
  const speakInput = element('input', { id: `${id}-speak`, type: 'text', autocomplete: 'off' });
  const card = element(
    'section',
    { id, class: `phone ${phone.role}`, 'aria-labelledby': `${id}-title`, 'data-number': phone.number },
    element(
      'h2',
      { id: `${id}-title` },
      `${phone.label} `,
      element('span', { class: 'number' }, phone.number),
    ),
    element('p', { class: 'shift' }),
    element('div', { class: 'call' }),
    element(
      'div',
      { class: 'controls' },
      element('button', { type: 'button', 'data-action': 'dial' }, 'Call the line'),
      element('button', { type: 'button', 'data-action': 'answer' }, 'Answer'),
      element('button', { type: 'button', 'data-action': 'hangup' }, 'Hang up'),
    ),
    element(
      'div',
      { class: 'keypad', role: 'group', 'aria-label': `${phone.label} keypad` },
      ...KEYS.map((key) =>
        element('button', { type: 'button', 'data-key': key, 'aria-label': `Press ${key}` }, key),
      ),
    ),
    element(
      'form',
      { class: 'speak' },
      element('label', { for: speakInput.id }, 'Say (for spoken answers)'),
      speakInput,
      element('button', { type: 'submit' }, 'Say it'),
    ),
    element('h3', {}, 'Texts with the line'),
    element('ol', { class: 'messages', 'aria-live': 'polite' }),
    element(
      'form',
      { class: 'text' },
      element('label', { for: textInput.id }, `Text from ${phone.label}`),
      textInput,
      element('button', { type: 'submit' }, 'Send'),
    ),
  );
  card.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest('button');
    if (!button || button.type === 'submit') return;
    const sid = card.dataset.callSid;
    const key = button.dataset.key;
    const action = button.dataset.action;
    if (key && sid) void run(() => act(callPath(sid, 'press'), { keys: key }));
    else if (action === 'dial') void run(() => act(phonePath(phone.number, 'dial')));
    else if ((action === 'answer' || action === 'hangup') && sid) void run(() => act(callPath(sid, action)));
  });
  card.querySelector('form.text')?.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = textInput.value.trim();
    if (!body) return;
    textInput.value = '';
    void run(() => act(phonePath(phone.number, 'text'), { body }));
  });
  card.querySelector('form.speak')?.addEventListener('submit', (event) => {
    event.preventDefault();
    const sid = card.dataset.callSid;
    const words = speakInput.value.trim();
    if (!sid || !words) return;
    speakInput.value = '';
    void run(() => act(callPath(sid, 'speak'), { words }));
  });
  return card;
}

function describe(call: PageCall | undefined): string {
  if (!call) return 'No call.';
  const who = call.withWhom.length ? ` with ${call.withWhom.join(', ')}` : '';
  if (call.connected) return `Connected${who}.`;
  if (call.status === 'ringing' && call.incoming) return 'Ringing: answer?';
  return `Call ${call.status}${call.gathering ? ', waiting for keys' : ''}.`;
}

function updatePhone(card: HTMLElement, phone: PagePhone): void {
  const { call } = phone;
  const live = call && !['completed', 'canceled', 'busy', 'no-answer', 'failed'].includes(call.status);
  card.dataset.callSid = live ? call.sid : '';
  card.dataset.callStatus = call?.status ?? 'none';
  card.dataset.connected = String(Boolean(call?.connected));
  (card.querySelector('.shift') as HTMLElement).textContent = phone.shift ?? '';
  const callBox = card.querySelector('.call') as HTMLElement;
  const transcript = element(
    'ol',
    { class: 'transcript', 'aria-live': 'polite' },
    ...(call?.transcript ?? []).map((line) => element('li', {}, line)),
  );
  callBox.replaceChildren(element('p', { class: 'call-status' }, describe(call)), transcript);
  if (call) speak(call);
  const button = (action: string) => card.querySelector(`[data-action="${action}"]`) as HTMLButtonElement;
  button('dial').hidden = phone.role !== 'caller' || Boolean(live);
  button('answer').hidden = !(live && call.incoming && call.status === 'ringing');
  button('hangup').hidden = !live;
  (card.querySelector('.keypad') as HTMLElement).hidden = !live;
  (card.querySelector('form.speak') as HTMLElement).hidden = !(live && call.gathering);
  const messages = card.querySelector('.messages') as HTMLElement;
  messages.replaceChildren(
    ...phone.messages.map((m) =>
      element(
        'li',
        { class: m.direction === 'in' ? 'from-line' : 'to-line' },
        `${m.direction === 'in' ? 'Line' : 'You'}: ${m.body}`,
      ),
    ),
  );
}

function addTimeline(entries: readonly PageTimelineEntry[]): void {
  for (const entry of entries) {
    const summary = element(
      'span',
      {},
      `${formatTime(entry.at)} ${entry.kind.toUpperCase()} ${entry.summary}`,
    );
    timelineBox.prepend(
      element(
        'li',
        { class: `entry ${entry.kind}` },
        entry.detail
          ? element('details', {}, element('summary', {}, summary), element('pre', {}, entry.detail))
          : summary,
      ),
    );
  }
  while (timelineBox.children.length > TIMELINE_SHOWN) timelineBox.lastElementChild?.remove();
}

function render(state: PageState): void {
  const wanted = state.phones.map((phone) => {
    const card = phoneCard(phone);
    updatePhone(card, phone);
    return card;
  });
  // Keep the cards in the state's order without recreating them (typing and focus survive).
  wanted.forEach((card, index) => {
    if (phonesBox.children[index] !== card) phonesBox.insertBefore(card, phonesBox.children[index] ?? null);
  });
  addTimeline(state.timeline);
  renderFaults(state.faults);
}

/** One choice per target; a choice being made is left alone until it is sent. */
function renderFaults(faults: PageState['faults']): void {
  for (const [target, modes] of Object.entries(faults.choices)) {
    const id = `fault-${target}`;
    let select = document.getElementById(id) as HTMLSelectElement | null;
    if (!select) {
      select = element(
        'select',
        { id, 'data-target': target },
        element('option', { value: '' }, 'healthy'),
        ...modes.map((mode) => element('option', { value: mode }, mode)),
      );
      faultsBox.append(element('label', { for: id }, `${target} `), select);
    }
    if (document.activeElement !== select) select.value = faults.active[target] ?? '';
  }
  faultsBox.classList.toggle('active', Object.keys(faults.active).length > 0);
}

faultsBox.addEventListener('change', () => {
  const chosen = Array.from(faultsBox.querySelectorAll('select'))
    .filter((select) => select.value)
    .map((select) => `${select.dataset.target}=${select.value}`);
  void run(() => act('faults', { faults: chosen.join(',') }));
});

for (const [name, label] of Object.entries(SCENARIOS)) {
  scenariosBox.append(element('button', { type: 'button', 'data-scenario': name }, label));
}
scenariosBox.addEventListener('click', (event) => {
  const name = (event.target as HTMLElement).closest('button')?.dataset.scenario;
  if (name) void run(() => act(`scenarios/${name}`));
});

async function follow(): Promise<void> {
  let version = -1;
  let after = 0;
  for (;;) {
    try {
      const state = await fetchState(version, after);
      version = state.version;
      after = state.timeline.at(-1)?.id ?? after;
      render(state);
    } catch (error) {
      report(error);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

void follow();
