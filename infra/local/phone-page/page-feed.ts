// What changed underneath, in one ordered list: simulator steps, bus events and scenario notes, with a version to wait on.
import type { LineEvent } from '../../../flows/events.js';
import type { LocalEventBus } from '../local-bus.js';
import type { TimelineEntry, TwilioSimulator } from '../simulator/simulator.js';
import type { PageMessage, PageTimelineEntry, PageTimelineKind } from './page-types.js';

/** The page only needs recent history; a long demo must not grow the process without bound. */
const KEPT_ENTRIES = 2000;
/** A burst of steps (a webhook, its TwiML, a status change) reaches the page as one update. */
const SETTLE_MS = 15;

const INBOUND_TEXT = /^(\S+) -> (\S+): ([\s\S]*)$/;

export class PageFeed {
  private readonly entries: PageTimelineEntry[] = [];
  private readonly sentTexts = new Map<string, PageMessage[]>();
  private readonly waiters = new Set<() => void>();
  private nextId = 1;
  private current = 0;
  private settling: NodeJS.Timeout | undefined;

  constructor(
    private readonly simulator: TwilioSimulator,
    bus: LocalEventBus,
  ) {
    for (const entry of simulator.timeline) this.addStep(entry);
    for (const event of bus.published) this.addEvent(event);
    simulator.on('timeline', (entry) => this.addStep(entry));
    bus.onPublished((event) => this.addEvent(event));
  }

  get version(): number {
    return this.current;
  }

  /** Entries with an id above `after`, at most `limit` of the newest. */
  timelineAfter(after: number, limit = 400): PageTimelineEntry[] {
    const newer = this.entries.filter((entry) => entry.id > after);
    return newer.slice(-limit);
  }

  /** Texts this phone sent to the line (the simulator keeps only what phones receive). */
  sentBy(number: string): readonly PageMessage[] {
    return this.sentTexts.get(number) ?? [];
  }

  narrate(summary: string, detail?: string): void {
    this.add('scenario', summary, detail);
  }

  /** Resolves once the version passes `since`, or after `timeoutMs` with nothing new. */
  waitForChange(since: number, timeoutMs: number): Promise<void> {
    if (this.current > since) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      // A waiting page must never keep the process (or a test run) alive.
      timer.unref();
      this.waiters.add(done);
    });
  }

  private addStep(entry: TimelineEntry): void {
    if (entry.kind === 'message') this.noteSentText(entry);
    this.add(entry.kind, entry.summary, entry.detail, entry.at);
  }

  private addEvent(event: LineEvent): void {
    // Events carry ids and kinds only, never numbers or words: safe to show whole.
    this.add('event', event.type, JSON.stringify(event, null, 2));
  }

  private noteSentText(entry: TimelineEntry): void {
    const match = INBOUND_TEXT.exec(entry.summary);
    if (!match) return;
    const [, from = '', to = '', body = ''] = match;
    if (to !== this.simulator.lineNumber) return;
    const sent = this.sentTexts.get(from) ?? [];
    sent.push({ id: `out-${this.nextId}`, direction: 'out', body, at: entry.at });
    this.sentTexts.set(from, sent);
  }

  private add(
    kind: PageTimelineKind,
    summary: string,
    detail: string | undefined,
    at = this.simulator.now(),
  ): void {
    this.entries.push({ id: this.nextId++, at, kind, summary, ...(detail ? { detail } : {}) });
    if (this.entries.length > KEPT_ENTRIES) this.entries.splice(0, this.entries.length - KEPT_ENTRIES);
    this.current++;
    if (this.waiters.size > 0 && !this.settling) this.settleSoon();
  }

  private settleSoon(): void {
    this.settling = setTimeout(() => {
      this.settling = undefined;
      for (const wake of [...this.waiters]) wake();
    }, SETTLE_MS);
    this.settling.unref();
  }
}
