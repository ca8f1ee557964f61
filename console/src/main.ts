// The coordinators' console: sign-in, navigation and the pages, as hash routes over the admin API.
import './styles.css';
import {
  ApiError,
  authMode,
  devLogin,
  finishCognitoSignIn,
  loadConfig,
  signOut,
  startCognitoSignIn,
  token,
} from './api.js';
import { field, h, keepScrollingTablesFocusable } from './dom.js';
import { chooseAndReload, type Language, language, t } from './i18n.js';
import { errorText } from './issue-words.js';
import { auditPage } from './pages/audit.js';
import { blockedPage } from './pages/blocked.js';
import { boardPage } from './pages/board.js';
import { reportsPage } from './pages/reports.js';
import { rosterPage } from './pages/roster.js';
import { settingsPage } from './pages/settings.js';
import { volunteersPage } from './pages/volunteers.js';

/** A page renders into its container and returns how to stop (timers), if it has anything running. */
export type Page = (container: HTMLElement) => Promise<(() => void) | undefined>;

const PAGES: Record<string, { title: string; page: Page }> = {
  board: { title: t('Live board'), page: boardPage },
  volunteers: { title: t('Volunteers'), page: volunteersPage },
  roster: { title: t('Roster'), page: rosterPage },
  reports: { title: t('Reports'), page: reportsPage },
  blocked: { title: t('Blocked callers'), page: blockedPage },
  settings: { title: t('Settings'), page: settingsPage },
  audit: { title: t('Audit log'), page: auditPage },
};

const app = document.getElementById('app') ?? document.body.appendChild(h('div', { id: 'app' }));
let stopCurrent: (() => void) | undefined;

const LANGUAGES: readonly { code: Language; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
];

/** English / Español, each named in its own language; the choice is remembered in this browser. */
function languageSwitch(): HTMLElement {
  return h(
    'div',
    { class: 'languages', role: 'group', 'aria-label': t('Language') },
    LANGUAGES.map(({ code, name }) =>
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          lang: code,
          'aria-pressed': String(code === language()),
          onclick: () => chooseAndReload(code),
        },
        name,
      ),
    ),
  );
}

function loginView(): HTMLElement {
  if (authMode() === 'cognito') {
    return h(
      'div',
      { class: 'login' },
      h('h1', {}, t('Warmline coordinators')),
      h('p', {}, t('Sign in with your coordinator account (multi-factor authentication required).')),
      h('button', { type: 'button', onclick: () => void startCognitoSignIn() }, t('Sign in')),
      languageSwitch(),
    );
  }
  const email = h('input', {
    name: 'email',
    type: 'email',
    autocomplete: 'username',
    value: 'coordinator@example.org',
  });
  const status = h('p', { role: 'alert', class: 'error' });
  const form = h(
    'form',
    {
      class: 'login',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        try {
          await devLogin(email.value);
          route();
        } catch (error) {
          status.textContent = error instanceof Error ? error.message : t('sign-in failed');
        }
      },
    },
    h('h1', {}, t('Warmline coordinators')),
    h('p', {}, t('Local development sign-in: no password, the same checks as the deployed API.')),
    field(t('Email'), email),
    h('button', { type: 'submit' }, t('Sign in')),
    status,
    languageSwitch(),
  );
  return form;
}

async function route(): Promise<void> {
  stopCurrent?.();
  stopCurrent = undefined;
  app.replaceChildren();
  if (!token()) {
    app.append(loginView());
    return;
  }
  const name = location.hash.replace(/^#\/?/, '') || 'board';
  const current = PAGES[name] ?? PAGES.board!;
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'nav-toggle secondary',
      'aria-expanded': 'false',
      'aria-controls': 'nav-pages',
      onclick: () => {
        const open = nav.classList.toggle('open');
        toggle.setAttribute('aria-expanded', String(open));
      },
    },
    t('Menu'),
  );
  const nav = h(
    'nav',
    { 'aria-label': t('Console pages') },
    toggle,
    h(
      'ul',
      { id: 'nav-pages' },
      Object.entries(PAGES).map(([key, { title }]) =>
        h('li', {}, h('a', { href: `#/${key}`, 'aria-current': key === name ? 'page' : undefined }, title)),
      ),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'link',
        onclick: () => {
          signOut();
          void route();
        },
      },
      t('Sign out'),
    ),
    languageSwitch(),
  );
  const main = h('main', { id: 'main', tabindex: -1 }, h('h1', {}, current.title));
  app.append(h('a', { href: '#main', class: 'skip' }, t('Skip to content')), nav, main);
  document.title = `${current.title} · Warmline`;
  const stopWatchingTables = keepScrollingTablesFocusable(main);
  stopCurrent = stopWatchingTables;
  try {
    const stopPage = await current.page(main);
    stopCurrent = () => {
      stopWatchingTables();
      stopPage?.();
    };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return route();
    main.append(h('p', { role: 'alert', class: 'error' }, errorText(error)));
  }
}

window.addEventListener('hashchange', () => void route());
void loadConfig()
  .then(finishCognitoSignIn)
  .catch((error: unknown) => console.warn(error instanceof Error ? error.message : error))
  .then(route);
