// A tiny element builder: the console's pages are plain DOM, no framework.
import { t } from './i18n.js';

type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | EventListener | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** A labelled form field; the error slot is where the API's message for this field lands. */
export function field(
  label: string,
  input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
): HTMLElement {
  const id = input.id || `f-${input.name}`;
  input.id = id;
  const error = h('span', { class: 'field-error', id: `${id}-error`, 'data-error-for': input.name });
  input.setAttribute('aria-describedby', error.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, error);
}

export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '–';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

export const percent = (value: number | null): string =>
  value === null ? '–' : `${Math.round(value * 100)}%`;

export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * Wide tables scroll sideways inside the page on a phone (styles.css); one that does must be reachable by
 * keyboard to be scrolled, so it joins the tab order then and only then. Pages redraw their tables as data
 * arrives, so this watches the container rather than being called by each page.
 */
export function keepScrollingTablesFocusable(container: HTMLElement): () => void {
  const mark = () => {
    container.querySelectorAll<HTMLElement>('table').forEach((table) => {
      if (table.scrollWidth > table.clientWidth) table.tabIndex = 0;
      else table.removeAttribute('tabindex');
    });
  };
  const observer = new MutationObserver(mark);
  observer.observe(container, { childList: true, subtree: true });
  window.addEventListener('resize', mark);
  mark();
  return () => {
    observer.disconnect();
    window.removeEventListener('resize', mark);
  };
}

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const DAY_NAMES = [
  t('Monday'),
  t('Tuesday'),
  t('Wednesday'),
  t('Thursday'),
  t('Friday'),
  t('Saturday'),
  t('Sunday'),
];
export type Day = (typeof DAYS)[number];
