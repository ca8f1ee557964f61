// One call leg in the simulator: rings, answers, and follows TwiML verb by verb as Twilio does.
import type { Conference, SimulatorCore } from './simulator.js';
import { parseTwiml, type TwimlNode } from './twiml-parser.js';

export type CallStatus =
  | 'queued'
  | 'ringing'
  | 'in-progress'
  | 'completed'
  | 'busy'
  | 'no-answer'
  | 'canceled'
  | 'failed';
export type CallDirection = 'inbound' | 'outbound-api' | 'outbound-dial';
const FINAL: readonly CallStatus[] = ['completed', 'busy', 'no-answer', 'canceled', 'failed'];

interface Gathering {
  digits: string;
  speech?: string;
  readonly numDigits: number;
  readonly finishOnKey: string;
  readonly speechAllowed: boolean;
  done: boolean;
  readonly finished: Promise<void>;
  finish(): void;
}

/** TwiML to run: fetched from a URL, or given inline (a REST `Twiml` parameter), which has no URL of its own. */
export type Document =
  | { readonly url: string; readonly method: string; readonly params?: Record<string, string> }
  | { readonly twiml: string };

/** Inline TwiML has no document URL for relative ones to resolve against: Twilio needs them absolute. */
const INLINE = '';

/** What ended a <Dial>: its status for the action callback, and whether the caller is still here. */
interface DialOutcome {
  readonly status: 'completed' | 'no-answer' | 'busy' | 'failed' | 'canceled';
  readonly seconds: number;
  readonly childSid?: string;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

export class SimCall {
  status: CallStatus = 'queued';
  readonly transcript: string[] = [];
  conference?: string;
  answeredAt?: number;
  endedAt?: number;
  /** Set while a Gather waits for keys or speech. */
  private gathering?: Gathering;
  /** Every redirect or hang-up starts a new generation; work of an older one stops at its next step. */
  private generation = 0;
  private interrupt = deferred();
  private answered = deferred();
  private hangupOnStar?: () => void;
  private bridgeEnd?: () => void;
  private statusCallback?: { url: string; method: string; events: readonly string[] };
  private sequence = 0;
  /** A REST Url update that arrived while this leg was still ringing: Twilio keeps it and runs it on answer. */
  private pendingDocument?: Document;
  /** The other leg of a <Dial><Number> bridge, hung up with this one. */
  bridgedWith?: SimCall;
  /** The caller leg whose <Dial> created this one. */
  parent?: SimCall;

  constructor(
    private readonly sim: SimulatorCore,
    readonly sid: string,
    readonly from: string,
    readonly to: string,
    readonly direction: CallDirection,
  ) {}

  get isOver(): boolean {
    return FINAL.includes(this.status);
  }

  get isGathering(): boolean {
    return Boolean(this.gathering && !this.gathering.done);
  }

  watchStatus(url: string, method: string, events: readonly string[]): void {
    this.statusCallback = { url, method, events };
  }

  // ---- what a person (or a test) does on this phone --------------------------------------------------

  async answer(): Promise<void> {
    if (this.status !== 'ringing') return;
    this.answered.resolve();
    await this.sim.idle();
  }

  async press(keys: string): Promise<void> {
    for (const key of keys) {
      this.sim.record({
        kind: 'call',
        callSid: this.sid,
        summary: `${this.to === this.sim.lineNumber ? this.from : this.to} pressed ${key}`,
      });
      if (key === '*' && this.hangupOnStar) {
        this.hangupOnStar();
        continue;
      }
      const gathering = this.gathering;
      if (!gathering || gathering.done) continue;
      if (key === gathering.finishOnKey) {
        gathering.finish();
        continue;
      }
      gathering.digits += key;
      if (gathering.digits.length >= gathering.numDigits) gathering.finish();
    }
    await this.sim.idle();
  }

  async speak(words: string): Promise<void> {
    const gathering = this.gathering;
    if (gathering && !gathering.done && gathering.speechAllowed) {
      gathering.speech = words;
      gathering.finish();
    }
    await this.sim.idle();
  }

  async hangup(): Promise<void> {
    this.end('completed');
    await this.sim.idle();
  }

  // ---- driven by the simulator -----------------------------------------------------------------------

  /** Rings this leg's phone; resolves with how the ringing ended. */
  async ring(timeoutSeconds: number): Promise<'answered' | 'busy' | 'no-answer' | 'canceled'> {
    const phone = this.sim.phone(this.to);
    phone.ringing(this);
    this.setStatus('ringing');
    if (phone.answerMode === 'busy') return this.finishRinging('busy');
    if (phone.answerMode === 'answer' || phone.answerMode === 'voicemail') this.answered.resolve();
    const gen = this.generation;
    const timedOut =
      phone.answerMode === 'no-answer'
        ? Promise.resolve('timeout' as const)
        : this.sim.wait(timeoutSeconds * 1000).then(() => 'timeout' as const);
    const outcome = await Promise.race([
      this.answered.promise.then(() => 'answered' as const),
      timedOut,
      this.interrupt.promise.then(() => 'interrupted' as const),
    ]);
    if (outcome === 'interrupted' || gen !== this.generation || this.isOver) return 'canceled';
    if (outcome === 'timeout') return this.finishRinging('no-answer');
    this.answeredAt = this.sim.now();
    this.setStatus('in-progress');
    return 'answered';
  }

  /** A Url update kept while ringing, once: Twilio runs it instead of the Url the call was made with. */
  takeKeptUpdate(): Document | undefined {
    const kept = this.pendingDocument;
    this.pendingDocument = undefined;
    return kept;
  }

  private finishRinging(status: 'busy' | 'no-answer'): 'busy' | 'no-answer' {
    this.end(status);
    return status;
  }

  /** Follows TwiML from `first` until the call ends or is redirected elsewhere. */
  async follow(first: Document): Promise<void> {
    const gen = this.generation;
    let next: Document | undefined = first;
    while (next && gen === this.generation && !this.isOver) {
      const doc = await this.fetchDocument(next);
      if (gen !== this.generation || this.isOver) return;
      if (!doc) {
        this.say('An application error has occurred. Goodbye.');
        this.end('completed');
        return;
      }
      try {
        next = await this.runVerbs(doc.node.children, doc.url, gen);
      } catch {
        // As on Twilio: TwiML it cannot follow (a relative URL inline) is an application error.
        this.say('An application error has occurred. Goodbye.');
        this.end('completed');
        return;
      }
      // A document that runs out of verbs ends the call, as on Twilio.
      if (next === undefined && gen === this.generation && !this.isOver) this.end('completed');
    }
  }

  /**
   * A REST update with a Url: whatever the leg was doing stops, the new TwiML runs. On a queued or ringing
   * leg Twilio accepts the update and keeps it for the answer: the phone goes on ringing.
   */
  redirect(next: Document): void {
    if (this.status === 'queued' || this.status === 'ringing') {
      this.pendingDocument = next;
      this.sim.record({
        kind: 'call',
        callSid: this.sid,
        summary: 'new TwiML kept for when the call is answered',
      });
      return;
    }
    this.leaveEverything();
    this.bump();
    void this.follow(next);
  }

  end(status: CallStatus): void {
    if (this.isOver) return;
    this.endedAt = this.sim.now();
    this.setStatus(status);
    this.leaveEverything();
    this.bump();
    this.answered.resolve();
    const other = this.bridgedWith;
    this.bridgedWith = undefined;
    if (other && !other.isOver) {
      other.bridgedWith = undefined;
      // The callee hangs up with the caller; a callee hanging up lets the caller's Dial continue.
      if (other === this.parent) other.bridgeEnd?.();
      else other.end('completed');
    }
    if (this.direction === 'inbound' && this.sim.voiceStatusCallbackUrl) {
      void this.sim.post(this, this.sim.voiceStatusCallbackUrl, 'POST', this.callbackParams());
    }
  }

  callParams(): Record<string, string> {
    return {
      AccountSid: this.sim.accountSid,
      ApiVersion: '2010-04-01',
      CallSid: this.sid,
      CallStatus: this.status,
      Direction: this.direction,
      From: this.from,
      To: this.to,
      Caller: this.from,
      Called: this.to,
      ...(this.parent ? { ParentCallSid: this.parent.sid } : {}),
    };
  }

  private callbackParams(): Record<string, string> {
    const duration =
      this.answeredAt !== undefined
        ? Math.round(((this.endedAt ?? this.sim.now()) - this.answeredAt) / 1000)
        : 0;
    return {
      ...this.callParams(),
      CallDuration: String(duration),
      SequenceNumber: String(this.sequence++),
      Timestamp: new Date(this.sim.now()).toUTCString(),
      CallbackSource: 'call-progress-events',
    };
  }

  private setStatus(status: CallStatus): void {
    this.status = status;
    this.sim.record({ kind: 'call', callSid: this.sid, summary: `${this.from} -> ${this.to}: ${status}` });
    const watch = this.statusCallback;
    if (!watch) return;
    const event =
      status === 'in-progress'
        ? 'answered'
        : FINAL.includes(status)
          ? 'completed'
          : status === 'queued'
            ? 'initiated'
            : status;
    if (watch.events.includes(event))
      void this.sim.post(this, watch.url, watch.method, this.callbackParams());
  }

  private bump(): void {
    this.generation++;
    const previous = this.interrupt;
    this.interrupt = deferred();
    previous.resolve();
  }

  private leaveEverything(): void {
    this.gathering?.finish();
    this.gathering = undefined;
    this.hangupOnStar = undefined;
    if (this.conference) this.sim.conferenceNamed(this.conference)?.leave(this);
    this.sim.leaveQueues(this);
  }

  /** An announcement played into this leg's conference (Conference update with AnnounceUrl). */
  hearAnnouncement(text: string): void {
    this.say(text);
  }

  /** A <Say>: heard at once, over when its words are spoken (or, inside a Gather, when a key ends it). */
  private async speakAloud(text: string, keyPressed?: Promise<void>): Promise<void> {
    this.say(text);
    const ms = this.sim.speakingMs(text);
    if (ms > 0) await this.waitOrInterrupt(ms, keyPressed);
  }

  private say(text: string): void {
    this.transcript.push(text);
    this.sim.record({ kind: 'say', callSid: this.sid, summary: text });
  }

  private async fetchDocument(doc: Document): Promise<{ node: TwimlNode; url: string } | undefined> {
    const { body, url } = 'twiml' in doc ? { body: doc.twiml, url: INLINE } : await this.fetchBody(doc);
    if (body === undefined) return undefined;
    try {
      return { node: parseTwiml(body), url };
    } catch (error) {
      this.sim.record({
        kind: 'error',
        callSid: this.sid,
        summary: `invalid TwiML from ${url || 'a Twiml parameter'}: ${(error as Error).message}`,
      });
      return undefined;
    }
  }

  private async fetchBody(
    doc: Exclude<Document, { twiml: string }>,
  ): Promise<{ body?: string; url: string }> {
    const response = await this.sim.post(this, doc.url, doc.method, { ...this.callParams(), ...doc.params });
    if (response?.status !== 200) return { url: doc.url };
    // Twilio answers an incoming call once the first TwiML arrives; later webhooks say in-progress.
    if (this.direction === 'inbound' && this.status === 'ringing') {
      this.answeredAt = this.sim.now();
      this.status = 'in-progress';
    }
    return { body: response.body, url: doc.url };
  }

  /** Runs verbs in order; returns the next document to fetch, or undefined when the verbs ran out. */
  private async runVerbs(
    verbs: readonly TwimlNode[],
    baseUrl: string,
    gen: number,
  ): Promise<Document | undefined> {
    for (const verb of verbs) {
      if (gen !== this.generation || this.isOver) return undefined;
      const next = await this.runVerb(verb, baseUrl, gen);
      if (next === 'stop') return undefined;
      if (next) return next;
    }
    return undefined;
  }

  private resolveUrl(url: string, baseUrl: string): string {
    if (baseUrl !== INLINE) return new URL(url, baseUrl).toString();
    if (!/^https?:\/\//.test(url)) {
      this.sim.record({ kind: 'error', callSid: this.sid, summary: `relative URL ${url} in inline TwiML` });
      throw new Error(`inline TwiML needs absolute URLs, got ${url}`);
    }
    return new URL(url).toString();
  }

  private async runVerb(
    verb: TwimlNode,
    baseUrl: string,
    gen: number,
  ): Promise<Document | 'stop' | undefined> {
    const attr = (name: string) => verb.attrs[name];
    switch (verb.name) {
      case 'Say':
        await this.speakAloud(verb.text);
        return undefined;
      case 'Play':
        await this.play(verb);
        return undefined;
      case 'Pause':
        await this.waitOrInterrupt(Number(attr('length') ?? 1) * 1000);
        return undefined;
      case 'Redirect':
        return { url: this.resolveUrl(verb.text, baseUrl), method: attr('method') ?? 'POST' };
      case 'Hangup':
        this.end('completed');
        return 'stop';
      case 'Reject':
        this.end(attr('reason') === 'busy' ? 'busy' : 'canceled');
        return 'stop';
      case 'Gather':
        return this.gather(verb, baseUrl, gen);
      case 'Dial':
        return this.dial(verb, baseUrl, gen);
      case 'Enqueue':
        return this.enqueue(verb, baseUrl, gen);
      case 'Leave':
        this.sim.leaveQueues(this);
        return 'stop';
      default:
        this.sim.record({ kind: 'error', callSid: this.sid, summary: `unsupported verb <${verb.name}>` });
        return undefined;
    }
  }

  /** A <Play>: the file `loop` times (0: until something stops it, as on Twilio), each for its known length. */
  private async play(verb: TwimlNode, keyPressed?: Promise<void>): Promise<void> {
    this.say(`[plays ${verb.text}]`);
    const loop = Number(verb.attrs.loop ?? 1);
    const times = loop === 0 ? 1000 : loop;
    const seconds = this.sim.audioSeconds.get(verb.text) ?? 0;
    if (seconds > 0) await this.waitOrInterrupt(times * seconds * 1000, keyPressed);
  }

  private waitOrInterrupt(ms: number, also?: Promise<void>): Promise<void> {
    return Promise.race([this.sim.wait(ms), this.interrupt.promise, ...(also ? [also] : [])]);
  }

  private async gather(verb: TwimlNode, baseUrl: string, gen: number): Promise<Document | undefined> {
    const done = deferred();
    const gathering: Gathering = {
      digits: '',
      numDigits: Number(verb.attrs.numDigits ?? Number.POSITIVE_INFINITY),
      finishOnKey: verb.attrs.finishOnKey ?? '#',
      speechAllowed: (verb.attrs.input ?? 'dtmf').includes('speech'),
      done: false,
      finished: done.promise,
      finish: () => {
        gathering.done = true;
        done.resolve();
      },
    };
    this.gathering = gathering;
    this.sim.record({ kind: 'gather', callSid: this.sid, summary: 'waiting for keys' });
    for (const prompt of verb.children) {
      if (gathering.done || gen !== this.generation) break;
      if (prompt.name === 'Say') await this.speakAloud(prompt.text, gathering.finished);
      else if (prompt.name === 'Play') await this.play(prompt, gathering.finished);
      else if (prompt.name === 'Pause')
        await this.waitOrInterrupt(Number(prompt.attrs.length ?? 1) * 1000, gathering.finished);
    }
    if (!gathering.done)
      await this.waitOrInterrupt(Number(verb.attrs.timeout ?? 5) * 1000, gathering.finished);
    gathering.done = true;
    if (this.gathering === gathering) this.gathering = undefined;
    if (gen !== this.generation || this.isOver) return undefined;
    const heard = gathering.digits || gathering.speech;
    if (!heard) return undefined; // no input: fall through to the next verb, as Twilio does
    const action = this.resolveUrl(verb.attrs.action ?? '', baseUrl);
    const params: Record<string, string> = gathering.speech
      ? { SpeechResult: gathering.speech, Confidence: '0.9' }
      : { Digits: gathering.digits };
    return { url: action, method: verb.attrs.method ?? 'POST', params };
  }

  private async dial(verb: TwimlNode, baseUrl: string, gen: number): Promise<Document | 'stop' | undefined> {
    const started = this.sim.now();
    const nouns =
      verb.children.length > 0
        ? verb.children
        : [{ name: 'Number', attrs: {}, children: [], text: verb.text }];
    const conferenceNoun = nouns.find((noun) => noun.name === 'Conference');
    let outcome: DialOutcome;
    if (conferenceNoun) {
      outcome = await this.joinConference(conferenceNoun, verb.attrs.hangupOnStar === 'true', gen);
    } else {
      const numbers = nouns.filter((noun) => noun.name === 'Number' || noun.name === 'Client');
      outcome = await this.dialNumbers(numbers, verb, baseUrl, gen);
    }
    this.hangupOnStar = undefined;
    if (gen !== this.generation || this.isOver) return 'stop';
    if (!verb.attrs.action) return undefined;
    return {
      url: this.resolveUrl(verb.attrs.action, baseUrl),
      method: verb.attrs.method ?? 'POST',
      params: {
        DialCallStatus: outcome.status,
        DialCallDuration: String(Math.round((this.sim.now() - started) / 1000)),
        ...(outcome.childSid ? { DialCallSid: outcome.childSid } : {}),
      },
    };
  }

  private async joinConference(noun: TwimlNode, hangupOnStar: boolean, gen: number): Promise<DialOutcome> {
    const left = deferred();
    const conference: Conference = this.sim.conference(noun.text);
    this.conference = noun.text;
    conference.join(this, {
      endConferenceOnExit: noun.attrs.endConferenceOnExit === 'true',
      left: left.resolve,
    });
    if (hangupOnStar) this.hangupOnStar = () => conference.leave(this);
    await Promise.race([left.promise, this.interrupt.promise]);
    if (gen === this.generation) this.conference = undefined;
    return { status: 'completed', seconds: 0 };
  }

  private async dialNumbers(
    numbers: readonly TwimlNode[],
    verb: TwimlNode,
    baseUrl: string,
    gen: number,
  ): Promise<DialOutcome> {
    const timeout = Number(verb.attrs.timeout ?? 30);
    const callerId = verb.attrs.callerId || this.to;
    const legs = numbers.map((noun) => ({
      noun,
      leg: this.sim.createLeg(callerId, noun.text, 'outbound-dial', this),
    }));
    const bridged = deferred();
    let winner: SimCall | undefined;
    const attempts = legs.map(async ({ noun, leg }) => {
      const rang = await leg.ring(timeout);
      if (rang !== 'answered' || winner) {
        if (rang === 'answered') leg.end('completed');
        return;
      }
      // The whisper runs on the callee's leg; if it hangs up there, this number did not connect.
      if (noun.attrs.url) {
        await leg.runWhisper(this.resolveUrl(noun.attrs.url, baseUrl), noun.attrs.method ?? 'POST');
        if (leg.isOver || winner) return;
      }
      winner = leg;
      bridged.resolve();
    });
    await Promise.race([bridged.promise, Promise.all(attempts), this.interrupt.promise]);
    for (const { leg } of legs)
      if (leg !== winner) leg.end(leg.status === 'in-progress' ? 'completed' : 'canceled');
    if (!winner || gen !== this.generation || this.isOver) {
      winner?.end('completed');
      const statuses = legs.map(({ leg }) => leg.status);
      return {
        status: statuses.includes('busy') ? 'busy' : statuses.includes('failed') ? 'failed' : 'no-answer',
        seconds: 0,
      };
    }
    const ended = deferred();
    this.bridgedWith = winner;
    winner.bridgedWith = this;
    this.bridgeEnd = ended.resolve;
    if (verb.attrs.hangupOnStar === 'true') this.hangupOnStar = () => winner?.end('completed');
    this.sim.record({ kind: 'call', callSid: this.sid, summary: `${this.from} bridged with ${winner.to}` });
    await Promise.race([ended.promise, this.interrupt.promise]);
    this.bridgeEnd = undefined;
    return { status: 'completed', seconds: 0, childSid: winner.sid };
  }

  /** A whisper (<Number url>) on the callee's leg: its verbs run, a <Hangup> there means no connection. */
  async runWhisper(url: string, method: string): Promise<void> {
    const gen = this.generation;
    const doc = await this.fetchDocument({ url, method });
    if (!doc || gen !== this.generation) {
      this.end('completed');
      return;
    }
    const next = await this.runVerbs(doc.node.children, url, gen);
    if (next && gen === this.generation && !this.isOver) {
      // A Gather action inside a whisper: its answer is TwiML for the callee too.
      const answer = await this.fetchDocument(next);
      if (answer && gen === this.generation && !this.isOver)
        await this.runVerbs(answer.node.children, answer.url, gen);
    }
  }

  private async enqueue(
    verb: TwimlNode,
    baseUrl: string,
    gen: number,
  ): Promise<Document | 'stop' | undefined> {
    const left = deferred();
    let result = 'hangup';
    const queue = this.sim.queue(verb.text);
    queue.add(this, (how) => {
      result = how;
      left.resolve();
    });
    const waitUrl = verb.attrs.waitUrl ? this.resolveUrl(verb.attrs.waitUrl, baseUrl) : undefined;
    const music = (async () => {
      while (waitUrl && !this.isOver && gen === this.generation && queue.has(this)) {
        const doc = await this.fetchDocument({ url: waitUrl, method: verb.attrs.waitUrlMethod ?? 'POST' });
        if (!doc) break;
        await this.runVerbs(doc.node.children, waitUrl, gen);
        if (!queue.has(this)) break;
      }
    })();
    await Promise.race([left.promise, this.interrupt.promise]);
    void music;
    if (gen !== this.generation || this.isOver || result === 'bridged') return 'stop';
    if (!verb.attrs.action) return undefined;
    return {
      url: this.resolveUrl(verb.attrs.action, baseUrl),
      method: verb.attrs.method ?? 'POST',
      params: { QueueResult: result },
    };
  }

  // ---- waiting, for tests and the page -------------------------------------------------------------

  async waitForSay(match: string | RegExp, timeoutMs = 10_000): Promise<string> {
    const test = (line: string) => (typeof match === 'string' ? line.includes(match) : match.test(line));
    return this.sim.until(() => this.transcript.find(test), `"${match}" on ${this.sid}`, timeoutMs);
  }

  async waitForGather(timeoutMs = 10_000): Promise<void> {
    await this.sim.until(() => this.isGathering, `a gather on ${this.sid}`, timeoutMs);
  }

  async waitForStatus(status: CallStatus | readonly CallStatus[], timeoutMs = 10_000): Promise<void> {
    const wanted: readonly CallStatus[] = typeof status === 'string' ? [status] : status;
    await this.sim.until(
      () => wanted.includes(this.status),
      `status ${wanted.join('/')} on ${this.sid}`,
      timeoutMs,
    );
  }

  waitForConference(timeoutMs = 10_000): Promise<string> {
    return this.sim.until(() => this.conference, `a conference on ${this.sid}`, timeoutMs);
  }
}
