// Reads what a volunteer texted: a command (forgiving of case, spacing and punctuation) or a message to relay.
// Only the documented words are commands: a volunteer answering "yes" or "done" to a texter is relayed.

export type VolunteerCommand =
  | { readonly kind: 'on' | 'off' | 'status' | 'help' | 'accept' }
  | { readonly kind: 'end' | 'pass' | 'escalate'; readonly tag?: string }
  | { readonly kind: 'relay'; readonly tag?: string; readonly body: string };

const SIMPLE: Record<string, VolunteerCommand['kind']> = {
  on: 'on',
  off: 'off',
  status: 'status',
  help: 'help',
  accept: 'accept',
};
const SESSION: Record<string, 'end' | 'pass' | 'escalate'> = {
  end: 'end',
  pass: 'pass',
  escalate: 'escalate',
};

/** "[B] text", "[b]: text", "#B text": a tag must be marked, so "I hear you" is never tag I. */
const TAGGED = /^\s*(?:\[\s*([a-z])\s*\]|#([a-z])\b)\s*:?\s*([\s\S]*)$/i;
const WORDS = /^[\s\p{P}]*([a-z]+)(?:[\s\p{P}]+\[?#?([a-z])\]?)?[\s\p{P}]*$/iu;

export function parseVolunteerText(body: string): VolunteerCommand {
  const tagged = TAGGED.exec(body);
  const tag = tagged ? (tagged[1] ?? tagged[2])?.toUpperCase() : undefined;
  const rest = tagged ? (tagged[3] ?? '') : body;
  const words = WORDS.exec(rest);
  const verb = words?.[1]?.toLowerCase();
  if (verb && words) {
    const sessionVerb = SESSION[verb];
    const sessionTag = words[2]?.toUpperCase() ?? tag;
    if (sessionVerb) return sessionTag ? { kind: sessionVerb, tag: sessionTag } : { kind: sessionVerb };
    const simple = SIMPLE[verb];
    if (simple && !words[2] && !tag) return { kind: simple } as VolunteerCommand;
  }
  return tag ? { kind: 'relay', tag, body: rest.trim() } : { kind: 'relay', body: body.trim() };
}

/** The next free tag: A, B, C ... in order, so a volunteer's tags stay short and predictable. */
export function nextFreeTag(open: Readonly<Record<string, string>> | undefined): string | undefined {
  for (let code = 65; code <= 90; code++) {
    const tag = String.fromCharCode(code);
    if (!open?.[tag]) return tag;
  }
  return undefined;
}
