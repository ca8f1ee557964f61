// Reads what a volunteer texted: a command (forgiving of case, spacing and punctuation) or a message to relay.
// Only the documented words are commands: a volunteer answering "yes" or "done" to a texter is relayed.
// A near-miss of a command ("STAUTS", "ESCALTE A") is asked about rather than relayed: a volunteer's
// mistyped command must not reach the texter. Only a lone word (and a tag) can be a near-miss, and only
// within a small edit distance, so "ok", "no" or "on my way" are still words for the texter.
// PASS may carry a short note for the next peer ("PASS B feeling isolated after a move"): the one command with
// free text, so a single letter after it is only a tag if the volunteer has a conversation by that tag.
// CODES answers the wrap-up ask after a conversation ended ("CODES A 1 3 R2 S0", "CODES A SKIP"): it is a
// command only when what follows is codes, so "codes for the app are..." still reaches the texter.
// SUPPORT [tag] asks the supervisor on shift for help; LISTEN and COACH are commands only with a contact's
// five-digit reference ("LISTEN 40213"), so "listen to this" or "coach me" are still words for the texter.

import { boundedEditDistance } from '../crisis/fuzzy.js';

export type VolunteerCommand =
  | { readonly kind: 'on' | 'off' | 'status' | 'help' | 'accept' }
  | { readonly kind: 'end' | 'escalate' | 'support'; readonly tag?: string }
  | { readonly kind: 'supervise'; readonly mode: 'listen' | 'coach'; readonly reference: string }
  | {
      readonly kind: 'pass';
      readonly tag?: string;
      readonly summary?: string;
      /** The whole note when its first letter was read as the tag: the note, if no conversation has that tag. */
      readonly untagged?: string;
    }
  | { readonly kind: 'codes'; readonly tag?: string; readonly entry: string }
  | { readonly kind: 'relay'; readonly tag?: string; readonly body: string }
  | { readonly kind: 'unsure'; readonly meant: string };

const SIMPLE: Record<string, VolunteerCommand['kind']> = {
  on: 'on',
  off: 'off',
  status: 'status',
  help: 'help',
  accept: 'accept',
};
const SESSION: Record<string, 'end' | 'pass' | 'escalate' | 'support'> = {
  end: 'end',
  pass: 'pass',
  escalate: 'escalate',
  support: 'support',
};
const SUPERVISE = /^[\s\p{P}]*(listen|coach)[\s:#]+(\d{5})[\s\p{P}]*$/iu;

/** "[B] text", "[b]: text", "#B text": a tag must be marked, so "I hear you" is never tag I. */
const TAGGED = /^\s*(?:\[\s*([a-z])\s*\]|#([a-z])\b)\s*:?\s*([\s\S]*)$/i;
const WORDS = /^[\s\p{P}]*([a-z]+)(?:[\s\p{P}]+\[?#?([a-z])\]?)?[\s\p{P}]*$/iu;
const PASS_WITH_NOTE = /^\s*pass\b[\s:,.-]+(\S[\s\S]*)$/i;
const LEADING_TAG = /^\[?#?([a-z])\]?(?:[\s:,.-]+|$)([\s\S]*)$/i;

/** "CODES", then an optional tag, then only code words: numbers, R<digit>, S0/S1, SKIP. */
const CODES =
  /^[\s\p{P}]*([a-z]+)\s*:?\s*(?:\[?#?([a-z])\]?(?=[\s,;]|$))?((?:[\s,;]*(?:\d+|r\d|s[01]|skip)(?=[\s,;.]|$))*)[\s,;.]*$/iu;

export function parseVolunteerText(body: string): VolunteerCommand {
  const supervise = SUPERVISE.exec(body);
  if (supervise?.[1] && supervise[2]) {
    const mode = supervise[1].toLowerCase() === 'coach' ? 'coach' : 'listen';
    return { kind: 'supervise', mode, reference: supervise[2] };
  }
  const tagged = TAGGED.exec(body);
  const tag = tagged ? (tagged[1] ?? tagged[2])?.toUpperCase() : undefined;
  const rest = tagged ? (tagged[3] ?? '') : body;
  const codes = CODES.exec(rest);
  const codesWord = codes?.[1]?.toLowerCase();
  if (codes && codesWord && (codesWord === 'codes' || codesWord === 'code')) {
    const codesTag = codes[2]?.toUpperCase() ?? tag;
    return { kind: 'codes', ...(codesTag ? { tag: codesTag } : {}), entry: (codes[3] ?? '').trim() };
  }
  if (codes && codesWord && (codes[3] || codes[2]) && isNearMiss(codesWord, 'codes'))
    return { kind: 'unsure', meant: withTag('CODES', codes[2]?.toUpperCase() ?? tag) };
  const words = WORDS.exec(rest);
  const verb = words?.[1]?.toLowerCase();
  if (verb && words) {
    const sessionVerb = SESSION[verb];
    const sessionTag = words[2]?.toUpperCase() ?? tag;
    if (sessionVerb) return sessionTag ? { kind: sessionVerb, tag: sessionTag } : { kind: sessionVerb };
    const simple = SIMPLE[verb];
    if (simple && !words[2] && !tag) return { kind: simple } as VolunteerCommand;
    const near = nearestCommand(verb);
    if (near && SESSION[near]) return { kind: 'unsure', meant: withTag(near, sessionTag) };
    if (near && !words[2] && !tag) return { kind: 'unsure', meant: near.toUpperCase() };
  }
  const passing = PASS_WITH_NOTE.exec(rest);
  if (passing) return passWithNote((passing[1] ?? '').trim(), tag);
  return tag ? { kind: 'relay', tag, body: rest.trim() } : { kind: 'relay', body: body.trim() };
}

function passWithNote(note: string, tag: string | undefined): VolunteerCommand {
  // "[B] PASS a rough week": the tag is already given, so "a" is the note's first word.
  const lead = tag ? null : LEADING_TAG.exec(note);
  if (!lead) return { kind: 'pass', ...(tag ? { tag } : {}), summary: note };
  const summary = (lead[2] ?? '').trim();
  return {
    kind: 'pass',
    tag: (lead[1] ?? '').toUpperCase(),
    ...(summary ? { summary } : {}),
    untagged: note,
  };
}

const withTag = (verb: string, tag: string | undefined): string =>
  tag ? `${verb.toUpperCase()} ${tag}` : verb.toUpperCase();

/** The command a lone word was probably meant to be, if it is close enough that it cannot be chat. */
function nearestCommand(word: string): string | undefined {
  return [...Object.keys(SESSION), ...Object.keys(SIMPLE)].find((command) => isNearMiss(word, command));
}

function isNearMiss(word: string, command: string): boolean {
  if (word.length < 2) return false;
  // Short commands sit one letter from real words ("ok"/"on", "and"/"end", "one"/"on"): only a doubled or
  // dropped repeated letter counts ("of", "onn", "ennd").
  if (command.length <= 3) return collapseRepeats(word) === collapseRepeats(command);
  return boundedEditDistance(word, command, 2) <= (command.length >= 7 ? 2 : 1);
}

const collapseRepeats = (word: string): string => word.replace(/(.)\1+/g, '$1');

/** The next free tag: A, B, C ... in order, so a volunteer's tags stay short and predictable. */
export function nextFreeTag(open: Readonly<Record<string, string>> | undefined): string | undefined {
  for (let code = 65; code <= 90; code++) {
    const tag = String.fromCharCode(code);
    if (!open?.[tag]) return tag;
  }
  return undefined;
}
