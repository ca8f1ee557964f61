// The REST resources the line's functions use, at Twilio's own paths and in Twilio's JSON shapes.
import type { Document, SimCall } from './call-leg.js';
import type { Conference, Hearing, TwilioSimulator } from './simulator.js';
import { parseTwiml } from './twiml-parser.js';

export interface RestRequest {
  readonly method: string;
  /** The path after TWILIO_API_BASE, e.g. /2010-04-01/Accounts/AC.../Calls.json */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly form: URLSearchParams;
  readonly authorization?: string;
}

export interface RestResult {
  readonly status: number;
  readonly body: unknown;
}

const error = (status: number, code: number, message: string): RestResult => ({
  status,
  body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
});

const invalidNumber = (to: string) => error(400, 21211, `The 'To' number ${to} is not a valid phone number.`);

function callJson(call: SimCall): Record<string, unknown> {
  return {
    sid: call.sid,
    status: call.status,
    to: call.to,
    from: call.from,
    direction: call.direction,
    parent_call_sid: call.parent?.sid ?? null,
    date_created: new Date().toUTCString(),
  };
}

function authorised(sim: TwilioSimulator, header: string | undefined): boolean {
  if (!header?.startsWith('Basic ')) return false;
  const [user, password] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
  return user === sim.accountSid && password === sim.options.authToken;
}

export async function serveRest(sim: TwilioSimulator, request: RestRequest): Promise<RestResult> {
  if (!authorised(sim, request.authorization)) return error(401, 20003, 'Authenticate');
  const match = /^\/2010-04-01\/Accounts\/([^/]+)\/(.+)\.json$/.exec(request.path);
  if (!match || match[1] !== sim.accountSid) return error(404, 20404, 'The requested resource was not found');
  const resource = match[2] ?? '';
  const method = request.method.toUpperCase();
  const form = request.form;
  sim.record({ kind: 'rest', summary: `${method} ${resource}`, detail: form.toString() });

  if (resource === 'Calls' && method === 'POST') {
    const to = form.get('To');
    const from = form.get('From');
    if (!to || !from) return error(400, 21201, 'To and From are required');
    if (sim.invalidNumbers.has(to)) return invalidNumber(to);
    const script = scriptOf(form);
    if ('status' in script) return script;
    const leg = sim.startOutboundCall({
      from,
      to,
      ...script,
      timeout: Number(form.get('Timeout') ?? 60),
      ...statusCallbackOf(form),
    });
    return { status: 201, body: { ...callJson(leg), status: 'queued' } };
  }

  const callMatch = /^Calls\/(CA[0-9a-f]{32})$/.exec(resource);
  if (callMatch) {
    const call = sim.call(callMatch[1] ?? '');
    if (!call) return error(404, 20404, `The requested resource /Calls/${callMatch[1]}.json was not found`);
    if (method === 'GET') return { status: 200, body: callJson(call) };
    const status = form.get('Status');
    const script = form.has('Url') || form.has('Twiml') ? scriptOf(form) : undefined;
    if (script && 'status' in script) return script;
    // As Twilio documents: `canceled` hangs up a queued or ringing call and leaves an answered one alone (200,
    // still in-progress); `completed` ends either; new TwiML (Url or Twiml) on a ringing call is kept and run
    // when it is answered.
    if (call.isOver && (status || script))
      return error(400, 21220, 'Call is not in-progress. Cannot redirect.');
    if (status === 'canceled') {
      if (call.status !== 'in-progress') call.end('canceled');
    } else if (status === 'completed') {
      call.end(call.status === 'in-progress' ? 'completed' : 'canceled');
    } else if (script) {
      call.redirect(script.document);
    }
    return { status: 200, body: callJson(call) };
  }

  if (resource === 'Messages' && method === 'POST') {
    const to = form.get('To');
    const from = form.get('From');
    const body = form.get('Body');
    if (!to || !from || body === null) return error(400, 21604, 'To, From and Body are required');
    if (sim.invalidNumbers.has(to)) return invalidNumber(to);
    const sid = sim.deliverText(from, to, body);
    return { status: 201, body: { sid, status: 'queued', to, from, body } };
  }

  if (resource === 'Conferences' && method === 'GET') {
    const name = request.query.get('FriendlyName');
    const wanted = request.query.get('Status');
    const rooms = sim
      .conferences()
      .filter((room) => (!name || room.name === name) && (!wanted || room.status === wanted))
      .map((room) => ({ sid: room.sid, friendly_name: room.name, status: room.status }));
    return { status: 200, body: { conferences: rooms, ...pageMeta('Conferences') } };
  }

  const conference = /^Conferences\/(CF[0-9a-f]{32})$/.exec(resource);
  if (conference && method === 'POST') {
    const room = sim.conferences().find((r) => r.sid === conference[1]);
    if (!room || room.status === 'completed') return error(404, 20404, 'Conference not found');
    const announceUrl = form.get('AnnounceUrl');
    if (announceUrl) void announce(sim, room, announceUrl, form.get('AnnounceMethod') ?? 'POST');
    return { status: 200, body: { sid: room.sid, friendly_name: room.name, status: room.status } };
  }

  const participants = /^Conferences\/(CF[0-9a-f]{32})\/Participants$/.exec(resource);
  if (participants && method === 'POST') {
    const room = sim.conferences().find((r) => r.sid === participants[1]);
    if (!room || room.status === 'completed') return error(404, 20404, 'Conference not found');
    const to = form.get('To');
    const from = form.get('From');
    if (!to || !from) return error(400, 21201, 'To and From are required');
    // As Twilio documents: a participant ends the room on leaving only with EndConferenceOnExit=true.
    const leg = sim.startOutboundCall({
      from,
      to,
      timeout: Number(form.get('Timeout') ?? 60),
      ...statusCallbackOf(form),
      onAnswer: (answered) => {
        if (room.status === 'completed') {
          answered.end('completed');
          return;
        }
        answered.conference = room.name;
        // Twilio beeps into the room when a participant joins unless Beep=false: everyone already there hears it.
        if (form.get('Beep') !== 'false')
          for (const member of room.participants) member.hearAnnouncement(BEEP);
        // A participant added by REST has no TwiML after the room: when the room ends, so does its call.
        room.join(answered, {
          endConferenceOnExit: form.get('EndConferenceOnExit') === 'true',
          left: () => answered.end('completed'),
          ...hearingOf(form),
        });
      },
    });
    return { status: 201, body: { call_sid: leg.sid, conference_sid: room.sid, status: 'queued' } };
  }

  if (resource === 'Queues' && method === 'GET') {
    const queues = sim
      .queueList()
      .map((q) => ({ sid: q.sid, friendly_name: q.name, current_size: q.list().length }));
    return { status: 200, body: { queues, ...pageMeta('Queues') } };
  }

  const members = /^Queues\/(QU[0-9a-f]{32})\/Members(?:\/(CA[0-9a-f]{32}|Front))?$/.exec(resource);
  if (members) {
    const queue = sim.queueList().find((q) => q.sid === members[1]);
    if (!queue) return error(404, 20404, 'Queue not found');
    if (!members[2]) {
      const list = queue
        .list()
        .map((call, i) => ({ call_sid: call.sid, position: i + 1, queue_sid: queue.sid }));
      return { status: 200, body: { queue_members: list, ...pageMeta('Members') } };
    }
    const member = members[2] === 'Front' ? queue.list()[0] : queue.list().find((c) => c.sid === members[2]);
    if (!member) return error(404, 20404, 'Queue member not found');
    if (method === 'POST') {
      const url = form.get('Url');
      if (!url) return error(400, 21205, 'Url is required');
      queue.remove(member, 'redirected');
      member.redirect({ url, method: form.get('Method') ?? 'POST' });
    }
    return { status: 200, body: { call_sid: member.sid, queue_sid: queue.sid } };
  }

  return error(404, 20404, `The simulator does not serve ${method} ${resource}`);
}

/** Twilio's largest `Twiml` parameter, in characters (error 32018 beyond it). */
export const MAX_INLINE_TWIML = 4000;

/**
 * What a created or updated call runs: `Url` (fetched) or `Twiml` (inline), never both, as Twilio requires; an
 * error result when the request breaks those rules.
 */
function scriptOf(form: URLSearchParams): { document: Document } | RestResult {
  const url = form.get('Url');
  const twiml = form.get('Twiml');
  if (url && twiml) return error(400, 21205, 'Url and Twiml are mutually exclusive');
  if (twiml !== null) {
    if (twiml.length > MAX_INLINE_TWIML)
      return error(400, 32018, 'Twiml size exceeded maximum allowed value of 4000 characters');
    return { document: { twiml } };
  }
  if (!url) return error(400, 21205, 'Url or Twiml is required');
  return { document: { url, method: form.get('Method') ?? 'POST' } };
}

function pageMeta(key: string): Record<string, unknown> {
  return {
    page: 0,
    page_size: 50,
    first_page_uri: null,
    next_page_uri: null,
    previous_page_uri: null,
    uri: `/${key}.json`,
  };
}

/** Twilio fetches the announcement once and plays its Say verbs to everyone in the room at that moment. */
/** What a leg's transcript shows when Twilio's join beep plays into its room. */
export const BEEP = '(beep)';

/** Twilio's Muted, and Coaching with CallSidToCoach (Coaching=true without the sid is refused by Twilio). */
function hearingOf(form: URLSearchParams): Hearing {
  const coached = form.get('Coaching') === 'true' ? form.get('CallSidToCoach') : null;
  return {
    ...(form.get('Muted') === 'true' ? { muted: true } : {}),
    ...(coached ? { callSidToCoach: coached } : {}),
  };
}

async function announce(sim: TwilioSimulator, room: Conference, url: string, method: string): Promise<void> {
  const response = await sim.post(undefined, url, method, {
    AccountSid: sim.accountSid,
    ConferenceSid: room.sid,
    FriendlyName: room.name,
  });
  if (response?.status !== 200) return;
  const spoken = parseTwiml(response.body).children.filter((verb) => verb.name === 'Say');
  for (const member of room.participants) for (const verb of spoken) member.hearAnnouncement(verb.text);
}

/** A leg's status callback as Twilio reads it from the form: the `completed` event only unless others are named. */
function statusCallbackOf(form: URLSearchParams) {
  const url = form.get('StatusCallback');
  if (!url) return {};
  const events = form.getAll('StatusCallbackEvent').flatMap((e) => e.split(/\s+/));
  return {
    statusCallback: {
      url,
      method: form.get('StatusCallbackMethod') ?? 'POST',
      events: events.length ? events : ['completed'],
    },
  };
}
