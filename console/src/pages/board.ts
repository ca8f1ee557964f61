// The live board: who waits where and for how long, who is on shift and what they are doing. Refreshes itself.

import type {
  BoardResponse,
  ReadAlongResponse,
  SupervisionResponse,
  VolunteersResponse,
} from '../../../flows/admin/admin-api-types.js';
import { concernWords } from '../../../flows/prompts/volunteer-texts.js';
import { request } from '../api.js';
import { field, formatSeconds, h } from '../dom.js';
import { t, translated } from '../i18n.js';
import { errorText } from '../issue-words.js';

type Supervise = (contactId: string, mode: 'listen' | 'coach' | 'read') => void;

const REFRESH_MS = 2_500;

export async function boardPage(main: HTMLElement): Promise<() => void> {
  const holder = h('div', { 'aria-live': 'polite', 'aria-atomic': 'false' });
  const stamp = h('p', { class: 'muted' });
  const reader = readAlongPanel();
  const supervision = await supervisionPanel(reader.follow);
  main.append(stamp, supervision.element, reader.element, holder);
  const refresh = async () => {
    const board = await request<BoardResponse>('GET', '/board');
    holder.replaceChildren(render(board, supervision.supervise));
    stamp.textContent = t('Updated {time} · refreshes every few seconds', {
      time: new Date(board.at).toLocaleTimeString(),
    });
  };
  await refresh();
  const timer = setInterval(() => refresh().catch(() => undefined), REFRESH_MS);
  return () => {
    clearInterval(timer);
    reader.stop();
  };
}

/**
 * A live text conversation's recent messages, fetched again every few seconds and held only on this page:
 * when the conversation ends the line keeps nothing of it, and the panel says so.
 */
function readAlongPanel(): { element: HTMLElement; follow(contactId: string): void; stop(): void } {
  const element = h('section', {
    'aria-labelledby': 'read-along-title',
    'data-read-along': '',
    hidden: true,
  });
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };
  const show = (answer: ReadAlongResponse) =>
    element.replaceChildren(
      h(
        'h2',
        { id: 'read-along-title' },
        t('Reading along: conversation {reference}', { reference: answer.reference }),
      ),
      answer.messages.length === 0
        ? h('p', { class: 'muted' }, t('No messages since you started reading along.'))
        : h(
            'ul',
            {},
            answer.messages.map((m) =>
              h(
                'li',
                { 'data-read-along-from': m.from },
                `${new Date(m.at).toLocaleTimeString()} · ${m.from === 'texter' ? t('Texter') : t('Peer')}: ${m.body}`,
              ),
            ),
          ),
    );
  const ended = () => {
    stop();
    element.replaceChildren(
      h(
        'p',
        { 'data-read-along-ended': '' },
        t('The conversation has ended; the line keeps none of its messages.'),
      ),
    );
  };
  const follow = (contactId: string) => {
    stop();
    element.hidden = false;
    request<ReadAlongResponse>('POST', `/read-along/${encodeURIComponent(contactId)}`)
      .then((answer) => {
        show(answer);
        timer = setInterval(() => {
          request<ReadAlongResponse>('GET', `/read-along/${encodeURIComponent(contactId)}`).then(show, ended);
        }, REFRESH_MS);
      })
      .catch((error: unknown) => {
        element.replaceChildren(h('p', { role: 'alert', class: 'error' }, errorText(error)));
      });
  };
  return { element, follow, stop };
}

/**
 * Which supervisor the line rings when Listen in or Coach is pressed, and what came of it. Outside the board
 * that refreshes, so a choice survives the refresh.
 */
async function supervisionPanel(
  readAlong: (contactId: string) => void,
): Promise<{ element: HTMLElement; supervise: Supervise }> {
  const { volunteers } = await request<VolunteersResponse>('GET', '/volunteers');
  const supervisors = volunteers.filter((v) => v.active && v.supervisor);
  const select = h(
    'select',
    { name: 'supervisor', 'data-supervisor-select': '' },
    supervisors.map((v) => h('option', { value: v.volunteerId }, v.name)),
  );
  const status = h('p', { role: 'status', 'data-supervision-status': '' });
  const element =
    supervisors.length === 0
      ? h(
          'p',
          { class: 'muted' },
          t('Mark a volunteer as a supervisor on the Volunteers page to listen in on calls.'),
        )
      : h(
          'div',
          { class: 'card' },
          field(t('Supervisor the line calls to listen in or coach'), select),
          status,
        );
  const supervise: Supervise = (contactId, mode) => {
    status.textContent = '';
    if (mode === 'read') {
      readAlong(contactId);
      return;
    }
    request<SupervisionResponse>('POST', '/supervision', { contactId, supervisorId: select.value, mode })
      .then((answer) => {
        status.textContent = t(
          mode === 'coach'
            ? 'Calling the supervisor to coach on call {reference}: only the volunteer will hear them.'
            : 'Calling the supervisor to listen in on call {reference}: nobody will hear them.',
          { reference: answer.reference },
        );
      })
      .catch((error: unknown) => {
        status.textContent = errorText(error);
      });
  };
  return { element, supervise };
}

function render(board: BoardResponse, supervise: Supervise): HTMLElement {
  const waiting = board.queues.filter((q) => q.waiting > 0);
  return h(
    'div',
    { class: 'board' },
    h(
      'p',
      {
        class: `status ${board.lineOpen && board.staffed && !board.allPaused ? 'ok' : 'warn'}`,
        'data-status': '',
      },
      !board.lineOpen
        ? t('The line is closed.')
        : board.allPaused
          ? t(
              'Everyone on shift is paused after missed calls: callers hear the crisis number until one texts ON.',
            )
          : board.staffed
            ? t('The line is open and staffed.')
            : t('The line is open but nobody is on shift.'),
    ),
    h(
      'section',
      { 'aria-labelledby': 'queues-title' },
      h('h2', { id: 'queues-title' }, t('Waiting')),
      waiting.length === 0
        ? h('p', { 'data-queue-empty': '' }, t('Nobody is waiting.'))
        : h(
            'table',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                (['Channel', 'Language', 'Waiting', 'Longest wait', 'Flagged (offered first)'] as const).map(
                  (label) => h('th', { scope: 'col' }, t(label)),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              waiting.map((q) =>
                h(
                  'tr',
                  { 'data-queue': `${q.channel}-${q.language}` },
                  h('td', {}, q.channel),
                  h('td', {}, q.language),
                  h('td', {}, q.waiting),
                  h('td', {}, formatSeconds(q.longestWaitSeconds)),
                  h(
                    'td',
                    { 'data-queue-flagged': '' },
                    q.contacts
                      .filter((c) => c.concern)
                      .map((c) => (c.concern ? translated(concernWords[c.concern]) : ''))
                      .join(', '),
                  ),
                ),
              ),
            ),
          ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'volunteers-title' },
      h('h2', { id: 'volunteers-title' }, t('On shift')),
      board.volunteers.length === 0
        ? h('p', {}, t('Nobody is on shift.'))
        : h(
            'table',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                (['Volunteer', 'Languages', 'Doing', 'Texts', 'Rostered'] as const).map((label) =>
                  h('th', { scope: 'col' }, t(label)),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              board.volunteers.map((v) =>
                h(
                  'tr',
                  { 'data-board-volunteer': v.volunteerId, 'data-activity': v.activity },
                  h('th', { scope: 'row' }, v.name),
                  h('td', {}, v.languages.join(', ')),
                  h('td', {}, t(v.activity)),
                  h('td', {}, v.textSessions),
                  h('td', {}, v.rostered ? t('yes') : t('by text')),
                ),
              ),
            ),
          ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'live-title' },
      h('h2', { id: 'live-title' }, t('Live contacts')),
      board.live.length === 0
        ? h('p', {}, t('No live contacts.'))
        : h(
            'ul',
            {},
            board.live.map((c) =>
              h(
                'li',
                { 'data-live': c.contactId, 'data-live-status': c.status, 'data-reference': c.reference },
                `${c.channel} · ${c.language} · ${c.status}${c.volunteerName ? t(' with {name}', { name: c.volunteerName }) : ''} · ${formatSeconds(c.seconds)} · ${t('ref {reference}', { reference: c.reference })}${c.concern ? t(' · flagged: {concern}', { concern: translated(concernWords[c.concern]) }) : ''}`,
                c.channel === 'voice' &&
                  c.status === 'connected' && [
                    ' ',
                    h(
                      'button',
                      {
                        type: 'button',
                        'data-listen': c.contactId,
                        onclick: () => supervise(c.contactId, 'listen'),
                      },
                      t('Listen in'),
                    ),
                    ' ',
                    h(
                      'button',
                      {
                        type: 'button',
                        class: 'secondary',
                        'data-coach': c.contactId,
                        onclick: () => supervise(c.contactId, 'coach'),
                      },
                      t('Coach'),
                    ),
                  ],
                c.channel === 'sms' &&
                  c.status === 'connected' && [
                    ' ',
                    h(
                      'button',
                      {
                        type: 'button',
                        'data-read': c.contactId,
                        onclick: () => supervise(c.contactId, 'read'),
                      },
                      t('Read along'),
                    ),
                  ],
              ),
            ),
          ),
    ),
  );
}
