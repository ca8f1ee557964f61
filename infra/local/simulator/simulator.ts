// The Twilio simulator: phones that call and text the line, signed webhooks, TwiML followed, REST served.
import { randomBytes } from 'node:crypto';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { type CallDirection, type Document, SimCall } from './call-leg.js';
import { type RestRequest, type RestResult, serveRest } from './rest-api.js';
import { parseTwiml } from './twiml-parser.js';

export interface SimulatorOptions {
  readonly accountSid: string;
  readonly authToken: string;
  /** The line's own number. */
  readonly lineNumber: string;
  /** The base Twilio believes it posts to: signatures are computed over URLs starting with it. */
  readonly publicBaseUrl: string;
  /** Where the HTTP posts really go (the local runner); replaces the public base in every URL. */
  readonly webhookOrigin: string;
  readonly voiceUrl: string;
  readonly smsUrl: string;
  readonly voiceStatusCallbackPath?: string;
  /** Multiplies every simulated wait (gather timeouts, pauses, ringing); tests use a small value. */
  readonly timeScale?: number;
  /**
   * How fast a <Say> is spoken, in words a second; unset, in no time (tests). Twilio's voices take real time
   * to speak, so a hold turn lasts its words plus its pause: the bench speaks, or a loop comes round early.
   */
  readonly wordsPerSecond?: number;
}

/** About 160 words a minute, the pace of Twilio's text-to-speech voices. */
export const SPEAKING_WORDS_PER_SECOND = 2.7;

export type TimelineKind = 'webhook' | 'twiml' | 'rest' | 'message' | 'call' | 'say' | 'gather' | 'error';

export interface TimelineEntry {
  readonly at: number;
  readonly kind: TimelineKind;
  readonly callSid?: string;
  readonly summary: string;
  readonly detail?: string;
}

export type AnswerMode = 'manual' | 'answer' | 'voicemail' | 'no-answer' | 'busy';

export interface ReceivedMessage {
  readonly sid: string;
  readonly from: string;
  readonly body: string;
  readonly at: number;
}

/** What a call leg needs from the simulator around it. */
export interface SimulatorCore {
  readonly accountSid: string;
  readonly lineNumber: string;
  readonly voiceStatusCallbackUrl: string | undefined;
  now(): number;
  wait(ms: number): Promise<void>;
  readonly audioSeconds: ReadonlyMap<string, number>;
  /** Simulated milliseconds it takes to speak `text`. */
  speakingMs(text: string): number;
  record(entry: Omit<TimelineEntry, 'at'>): void;
  post(
    call: SimCall | undefined,
    url: string,
    method: string,
    params: Record<string, string>,
  ): Promise<{ status: number; body: string } | undefined>;
  phone(number: string): SimPhone;
  createLeg(from: string, to: string, direction: CallDirection, parent?: SimCall): SimCall;
  conference(name: string): Conference;
  conferenceNamed(name: string): Conference | undefined;
  queue(name: string): SimQueue;
  leaveQueues(call: SimCall): void;
  idle(): Promise<void>;
  until<T>(probe: () => T | undefined | false, what: string, timeoutMs: number): Promise<T>;
}

export const newSid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

export class SimPhone {
  answerMode: AnswerMode = 'manual';
  readonly messages: ReceivedMessage[] = [];
  readonly calls: SimCall[] = [];
  private handedOut = 0;

  constructor(
    private readonly sim: TwilioSimulator,
    readonly number: string,
  ) {}

  /** An incoming call to the line from this phone. */
  dial(to?: string): Promise<SimCall> {
    return this.sim.placeInboundCall(this.number, to ?? this.sim.lineNumber);
  }

  text(body: string, to?: string): Promise<void> {
    return this.sim.sendInboundText(this.number, to ?? this.sim.lineNumber, body);
  }

  /** Called by a ringing leg addressed to this phone. */
  ringing(call: SimCall): void {
    this.calls.push(call);
  }

  /** The next call to this phone not yet handed to a waiter. */
  async waitForIncomingCall(timeoutMs = 10_000): Promise<SimCall> {
    const call = await this.sim.until(
      () => this.calls[this.handedOut],
      `a call to ${this.number}`,
      timeoutMs,
    );
    this.handedOut++;
    return call;
  }

  waitForMessage(match: string | RegExp, timeoutMs = 10_000): Promise<ReceivedMessage> {
    const test = (body: string) => (typeof match === 'string' ? body.includes(match) : match.test(body));
    return this.sim.until(
      () => this.messages.find((m) => test(m.body)),
      `a text "${match}" to ${this.number}`,
      timeoutMs,
    );
  }

  receive(message: ReceivedMessage): void {
    this.messages.push(message);
  }
}

/** How a participant is heard: muted, heard by nobody; coaching, heard by the one leg it coaches only. */
export interface Hearing {
  readonly muted?: boolean;
  readonly callSidToCoach?: string;
}

interface Member extends Hearing {
  readonly endConferenceOnExit: boolean;
  readonly left: () => void;
}

export class Conference {
  readonly sid = newSid('CF');
  private readonly members = new Map<SimCall, Member>();
  status: 'init' | 'in-progress' | 'completed' = 'init';

  constructor(
    private readonly sim: TwilioSimulator,
    readonly name: string,
  ) {}

  get participants(): SimCall[] {
    return [...this.members.keys()];
  }

  join(call: SimCall, options: Member): void {
    this.members.set(call, options);
    this.status = 'in-progress';
    const how = options.muted
      ? ' muted'
      : options.callSidToCoach
        ? ` coaching ${options.callSidToCoach}`
        : '';
    this.sim.record({ kind: 'call', callSid: call.sid, summary: `joined conference ${this.name}${how}` });
  }

  /** Whether `listener` hears `speaker` in this room, as Twilio mixes it: everyone hears everyone else but the muted, and a coach is heard by the leg it coaches only. */
  hears(listener: SimCall, speaker: SimCall): boolean {
    const from = this.members.get(speaker);
    if (listener === speaker || !from || !this.members.has(listener)) return false;
    if (from.muted) return false;
    return from.callSidToCoach === undefined || from.callSidToCoach === listener.sid;
  }

  /** Everyone in the room who hears `speaker`. */
  heardBy(speaker: SimCall): SimCall[] {
    return this.participants.filter((listener) => this.hears(listener, speaker));
  }

  leave(call: SimCall): void {
    const member = this.members.get(call);
    if (!member) return;
    this.members.delete(call);
    member.left();
    this.sim.record({ kind: 'call', callSid: call.sid, summary: `left conference ${this.name}` });
    if (member.endConferenceOnExit || this.members.size === 0) this.end();
  }

  private end(): void {
    this.status = 'completed';
    for (const [call, member] of [...this.members]) {
      this.members.delete(call);
      call.conference = undefined;
      member.left();
    }
  }
}

export class SimQueue {
  readonly sid = newSid('QU');
  private readonly members: { call: SimCall; leave: (how: string) => void }[] = [];

  constructor(readonly name: string) {}

  add(call: SimCall, leave: (how: string) => void): void {
    this.members.push({ call, leave });
  }
  has(call: SimCall): boolean {
    return this.members.some((m) => m.call === call);
  }
  list(): SimCall[] {
    return this.members.map((m) => m.call);
  }
  remove(call: SimCall, how: string): boolean {
    const index = this.members.findIndex((m) => m.call === call);
    if (index === -1) return false;
    const [member] = this.members.splice(index, 1);
    member?.leave(how);
    return true;
  }
}

export class TwilioSimulator implements SimulatorCore {
  readonly timeline: TimelineEntry[] = [];
  readonly accountSid: string;
  readonly lineNumber: string;
  readonly voiceStatusCallbackUrl: string | undefined;
  /** Numbers Twilio refuses to call or text (21211), its error naming the number as Twilio's does. */
  readonly invalidNumbers = new Set<string>();
  /**
   * How long each audio file plays, in seconds. The simulator fetches no media, so a test says how long its
   * clips are; a file not listed plays in no time. Twilio plays a file to its end unless a key ends a Gather.
   */
  readonly audioSeconds = new Map<string, number>();
  private readonly listeners: ((entry: TimelineEntry) => void)[] = [];
  private readonly phones = new Map<string, SimPhone>();
  private readonly legs = new Map<string, SimCall>();
  private readonly rooms = new Map<string, Conference>();
  private readonly queues = new Map<string, SimQueue>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private inFlight = 0;
  private readonly checks = new Set<() => void>();
  private closed = false;

  constructor(readonly options: SimulatorOptions) {
    this.accountSid = options.accountSid;
    this.lineNumber = options.lineNumber;
    this.voiceStatusCallbackUrl = options.voiceStatusCallbackPath
      ? `${options.publicBaseUrl}${options.voiceStatusCallbackPath}`
      : undefined;
  }

  now(): number {
    return Date.now();
  }

  on(_event: 'timeline', listener: (entry: TimelineEntry) => void): void {
    this.listeners.push(listener);
  }

  record(entry: Omit<TimelineEntry, 'at'>): void {
    const full = { at: this.now(), ...entry };
    this.timeline.push(full);
    for (const listener of this.listeners) listener(full);
    for (const check of [...this.checks]) check();
  }

  phone(number: string): SimPhone {
    let phone = this.phones.get(number);
    if (!phone) {
      phone = new SimPhone(this, number);
      this.phones.set(number, phone);
    }
    return phone;
  }

  calls(): SimCall[] {
    return [...this.legs.values()];
  }

  call(sid: string): SimCall | undefined {
    return this.legs.get(sid);
  }

  conferences(): Conference[] {
    return [...this.rooms.values()];
  }

  conference(name: string): Conference {
    let room = this.rooms.get(name);
    if (!room || room.status === 'completed') {
      room = new Conference(this, name);
      this.rooms.set(name, room);
    }
    return room;
  }

  conferenceNamed(name: string): Conference | undefined {
    return this.rooms.get(name);
  }

  /** Whether `listener` hears `speaker` right now: both in one live room, mixed as Twilio mixes it. */
  hears(listener: SimCall, speaker: SimCall): boolean {
    const room = listener.conference ? this.rooms.get(listener.conference) : undefined;
    return room?.hears(listener, speaker) ?? false;
  }

  queue(name: string): SimQueue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new SimQueue(name);
      this.queues.set(name, queue);
    }
    return queue;
  }

  queueList(): SimQueue[] {
    return [...this.queues.values()];
  }

  leaveQueues(call: SimCall): void {
    for (const queue of this.queues.values()) queue.remove(call, 'hangup');
  }

  createLeg(from: string, to: string, direction: CallDirection, parent?: SimCall): SimCall {
    const leg = new SimCall(this, newSid('CA'), from, to, direction);
    if (parent) leg.parent = parent;
    this.legs.set(leg.sid, leg);
    return leg;
  }

  speakingMs(text: string): number {
    const rate = this.options.wordsPerSecond ?? 0;
    if (rate <= 0) return 0;
    return (text.split(/\s+/).filter(Boolean).length / rate) * 1000;
  }

  wait(ms: number): Promise<void> {
    const scaled = Math.max(1, ms * (this.options.timeScale ?? 1));
    return new Promise((resolve) => {
      if (this.closed) return;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, scaled);
      this.timers.add(timer);
    });
  }

  /** Signs and sends one webhook as Twilio does; the public URL is signed, the local origin is hit. */
  async post(
    call: SimCall | undefined,
    url: string,
    method: string,
    params: Record<string, string>,
  ): Promise<{ status: number; body: string } | undefined> {
    if (this.closed) return undefined;
    const target = url.startsWith(this.options.publicBaseUrl)
      ? `${this.options.webhookOrigin}${url.slice(this.options.publicBaseUrl.length)}`
      : url;
    const get = method.toUpperCase() === 'GET';
    const form = new URLSearchParams(params);
    const signedUrl = get ? `${url}${url.includes('?') ? '&' : '?'}${form}` : url;
    const signature = getExpectedTwilioSignature(this.options.authToken, signedUrl, get ? {} : params);
    this.inFlight++;
    try {
      this.record({
        kind: 'webhook',
        ...(call ? { callSid: call.sid } : {}),
        summary: `${method} ${new URL(url).pathname}`,
        detail: new URL(url).search,
      });
      const response = await fetch(get ? `${target}${target.includes('?') ? '&' : '?'}${form}` : target, {
        method: get ? 'GET' : 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        ...(get ? {} : { body: form.toString() }),
      });
      const body = await response.text();
      this.record({
        kind: 'twiml',
        ...(call ? { callSid: call.sid } : {}),
        summary: `${response.status} from ${new URL(url).pathname}`,
        detail: body,
      });
      return { status: response.status, body };
    } catch (error) {
      this.record({ kind: 'error', summary: `webhook ${url} failed: ${(error as Error).message}` });
      return undefined;
    } finally {
      this.inFlight--;
    }
  }

  async placeInboundCall(from: string, to: string): Promise<SimCall> {
    const call = this.createLeg(from, to, 'inbound');
    call.status = 'ringing';
    this.record({ kind: 'call', callSid: call.sid, summary: `${from} calls ${to}` });
    this.track(call.follow({ url: `${this.options.publicBaseUrl}${this.options.voiceUrl}`, method: 'POST' }));
    await this.idle();
    return call;
  }

  /** Starts an outbound call as the REST API does: ring, then its TwiML (fetched or inline) on answer. */
  startOutboundCall(request: {
    from: string;
    to: string;
    document?: Document;
    timeout: number;
    statusCallback?: { url: string; method: string; events: readonly string[] };
    onAnswer?: (leg: SimCall) => void;
  }): SimCall {
    const leg = this.createLeg(request.from, request.to, 'outbound-api');
    if (request.statusCallback)
      leg.watchStatus(
        request.statusCallback.url,
        request.statusCallback.method,
        request.statusCallback.events,
      );
    this.track(
      (async () => {
        const rang = await leg.ring(request.timeout);
        if (rang !== 'answered') return;
        const kept = leg.takeKeptUpdate();
        if (kept) await leg.follow(kept);
        else if (request.onAnswer) request.onAnswer(leg);
        else if (request.document) await leg.follow(request.document);
      })(),
    );
    return leg;
  }

  async sendInboundText(from: string, to: string, body: string): Promise<void> {
    const sid = newSid('SM');
    this.record({ kind: 'message', summary: `${from} -> ${to}: ${body}` });
    const response = await this.post(
      undefined,
      `${this.options.publicBaseUrl}${this.options.smsUrl}`,
      'POST',
      {
        AccountSid: this.accountSid,
        ApiVersion: '2010-04-01',
        MessageSid: sid,
        SmsSid: sid,
        SmsMessageSid: sid,
        From: from,
        To: to,
        Body: body,
        NumMedia: '0',
        NumSegments: '1',
        SmsStatus: 'received',
      },
    );
    if (response?.status !== 200) return;
    for (const message of parseTwiml(response.body).children.filter((node) => node.name === 'Message')) {
      const bodyText = message.children.find((child) => child.name === 'Body')?.text ?? message.text;
      this.deliverText(message.attrs.from ?? to, message.attrs.to ?? from, bodyText);
    }
    await this.idle();
  }

  deliverText(from: string, to: string, body: string): string {
    const sid = newSid('SM');
    this.phone(to).receive({ sid, from, body, at: this.now() });
    this.record({ kind: 'message', summary: `${from} -> ${to}: ${body}` });
    return sid;
  }

  handleRest(request: RestRequest): Promise<RestResult> {
    return this.trackValue(serveRest(this, request));
  }

  /** A call leg runs on its own; only its webhooks count as work in flight. */
  private track(work: Promise<unknown>): void {
    void work.catch((error) => this.record({ kind: 'error', summary: String(error) }));
  }

  private async trackValue<T>(work: Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await work;
    } finally {
      this.inFlight--;
    }
  }

  /**
   * Resolves when no webhook or REST request is in flight. A leg that waits on a gather timeout or a
   * pause is not in flight: it waits for a person, or for simulated time.
   */
  async idle(): Promise<void> {
    for (let quiet = 0; quiet < 3; ) {
      await new Promise((resolve) => setImmediate(resolve));
      quiet = this.inFlight === 0 ? quiet + 1 : 0;
      if (this.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  /** Waits for a condition: re-checked on every timeline entry (every change records one), and on a slow poll. */
  until<T>(probe: () => T | undefined | false, what: string, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const stop = () => {
        clearTimeout(timer);
        clearInterval(poll);
        this.checks.delete(check);
      };
      const check = () => {
        const value = probe();
        if (value === undefined || value === false) return;
        stop();
        resolve(value);
      };
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`simulator: timed out waiting for ${what}`));
      }, timeoutMs);
      const poll = setInterval(check, 25);
      this.checks.add(check);
      check();
    });
  }

  async close(): Promise<void> {
    for (const leg of this.legs.values()) if (!leg.isOver) leg.end('completed');
    await this.idle();
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
