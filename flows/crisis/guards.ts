// What cancels or redirects a rule match: negation, recovered past, fiction and news, jokes, someone else.

import { collapseRepeats } from './collapse.js';
import { compilePattern } from './compile-rules.js';
import type { CrisisLanguage } from './crisis-types.js';
import { PATTERN_MACROS } from './lexicon.js';
import { SERIOUS_MARKER } from './normalise.js';

interface GuardLexicon {
  readonly negationCues: ReadonlySet<string>;
  /** Negation reaches only a few words back: "I'm not ok I want to die" must still escalate. */
  readonly negationWindow: number;
  /** Filler between a negation and what it negates ("don't have any plans to ..."), not counted in the window. */
  readonly transparent: ReadonlySet<string>;
  readonly subjectTokens: ReadonlySet<string>;
  readonly thirdSubjects: ReadonlySet<string>;
  readonly possessives: ReadonlySet<string>;
  readonly relations: ReadonlySet<string>;
  readonly mediaCues: ReadonlySet<string>;
  readonly distantPast: RegExp;
  readonly presentRisk: RegExp;
}

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean).map(collapseRepeats));
}

function relationHeads(macro: string): ReadonlySet<string> {
  const body = PATTERN_MACROS[macro] ?? '';
  return words(body.replace(/[^a-z]+/g, ' '));
}

const LEXICONS: Readonly<Record<CrisisLanguage, GuardLexicon>> = {
  en: {
    negationCues: words('not never no nor without neither'),
    negationWindow: 3,
    transparent: words(
      'to any plans plan intention intentions thoughts thought urge urges want wanting going would ever really have had of about thinking feel feeling like planning trying try the a all will even',
    ),
    subjectTokens: words('i me myself'),
    thirdSubjects: words('he she they someone somebody'),
    possessives: words('my our his her their a'),
    relations: relationHeads('REL_EN'),
    mediaCues: words(
      'movie movies film show series episode season book novel article news documentary podcast character characters song lyrics game games level boss anime manga netflix essay paper research lecture scene story tiktok youtube video play villain protagonist hero fortnite minecraft roblox valorant',
    ),
    distantPast: compilePattern(
      String.raw`(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|many|several|some|few|a few|couple of|a couple of) (?:years?|yrs|months|decades?) ago|(?:years|months|ages|a long time|long time|a while|decades) ago|years back|when i was (?:\d+|a \S+|young|younger|little|in \S+)|as a (?:teen|teenager|kid|child)|in (?:high school|middle school|college|my teens|my twenties|the past|\d{4})|back (?:then|in)|used to|at (?:age )?\d+|last year|in (?:years|months|ages)|(?:\d+|two|three|four|five|six|ten) (?:years?|months?) (?:clean|sober|free)|i was \d+|in recovery`,
      '',
    ),
    presentRisk: compilePattern(
      String.raw`tonight|right now|today|again|still|currently|these days|lately|this (?:week|morning|evening|afternoon|time)|last night|tomorrow`,
      '',
    ),
  },
  es: {
    negationCues: words('no nunca jamas ni tampoco sin'),
    negationWindow: 2,
    transparent: words(
      'de a en ganas planes plan intencion intenciones pensando pienso pensamientos ningun ninguna tengo voy',
    ),
    subjectTokens: words('yo me conmigo'),
    thirdSubjects: words('ella ellos ellas alguien'),
    possessives: words('mi mis su sus tu nuestro nuestra un una'),
    relations: relationHeads('REL_ES'),
    mediaCues: words(
      'pelicula peliculas serie series capitulo episodio libro novela articulo noticia noticias documental podcast personaje cancion letra juego videojuego nivel anime ensayo investigacion escena video tiktok obra protagonista villano',
    ),
    distantPast: compilePattern(
      String.raw`hace (?:\S+ )?(?:anos|meses|decadas)|hace (?:mucho )?tiempo|hace mucho|cuando (?:era|tenia|estaba en|iba en)|de (?:nino|nina|adolescente|joven|chic[oa]|pequen[oa]|chiquit[oa]|mas joven|mas chic[oa])|a los \d+|a los \S+ anos|en (?:la )?(?:prepa|secundaria|preparatoria|universidad|uni|el pasado|mi adolescencia)|antes (?!de )|solia|el ano pasado|(?:llevo|tengo) \S+ (?:anos|meses) sin|anos sin|meses sin`,
      '',
    ),
    presentRisk: compilePattern(
      String.raw`esta noche|ahora mismo|ahorita|hoy|otra vez|de nuevo|todavia|aun|ultimamente|esta semana|anoche|manana`,
      '',
    ),
  },
};

export interface MatchSpan {
  readonly tokens: readonly string[];
  readonly start: number;
  readonly end: number;
}

function clauseStart(tokens: readonly string[], index: number): number {
  let i = index;
  while (i > 0 && tokens[i - 1] !== '.') i--;
  return i;
}

function clauseEnd(tokens: readonly string[], index: number): number {
  let i = index;
  while (i < tokens.length - 1 && tokens[i + 1] !== '.') i++;
  return i;
}

/** "I'm not suicidal", "no quiero morir": a negation word just before the match, in the same clause. */
export function isNegated(span: MatchSpan, language: CrisisLanguage): boolean {
  const lexicon = LEXICONS[language];
  const { tokens, start } = span;
  let budget = lexicon.negationWindow;
  for (let i = start - 1; i >= 0 && budget > 0 && i >= start - 10; i--) {
    const token = tokens[i] ?? '.';
    if (token === '.' || lexicon.subjectTokens.has(token)) return false;
    if (lexicon.transparent.has(token)) continue;
    budget--;
    if (!lexicon.negationCues.has(token)) continue;
    const next = tokens[i + 1] ?? '';
    if (token === 'no' && (next === 'one' || next === 'longer' || next === 'mater')) continue;
    // "can't stop thinking about", "no puedo dejar de pensar en": the negation is of stopping, not of the risk.
    const after = tokens[i + 2] ?? '';
    if (/^(stop|help|dejo|paro)$/.test(next) || (next === 'puedo' && /^(dejar|parar)$/.test(after))) continue;
    return true;
  }
  return false;
}

/** "I attempted ten years ago" with nothing current in the clause: history, not present risk. */
export function isDistantPast(span: MatchSpan, language: CrisisLanguage): boolean {
  const lexicon = LEXICONS[language];
  const clause = span.tokens.slice(
    clauseStart(span.tokens, span.start),
    clauseEnd(span.tokens, span.end) + 1,
  );
  const text = clause.join(' ');
  return lexicon.distantPast.test(text) && !lexicon.presentRisk.test(text);
}

/**
 * "In the show she takes a bunch of pills": a film, book, game or news cue earlier in the clause with
 * no first-person word between it and the match. "Since that movie I want to die" still escalates.
 */
export function isFictionOrNews(span: MatchSpan, language: CrisisLanguage, wholeClause: boolean): boolean {
  const lexicon = LEXICONS[language];
  const { tokens, start } = span;
  const from = clauseStart(tokens, start);
  for (let i = start - 1; i >= from; i--) {
    const token = tokens[i] ?? '';
    if (lexicon.subjectTokens.has(token) || token === 'my' || token === 'mi' || token === 'yo') return false;
    if (lexicon.mediaCues.has(token)) return true;
  }
  if (!wholeClause) return false;
  const to = clauseEnd(tokens, span.end);
  for (let i = span.end + 1; i <= to; i++) if (lexicon.mediaCues.has(tokens[i] ?? '')) return true;
  return false;
}

/** A laugh marker with no "not joking" marker anywhere in the message. */
export function isJoking(tokens: readonly string[]): boolean {
  return tokens.includes('lol') && !tokens.includes(SERIOUS_MARKER);
}

/** Whether the nearest person before the match is someone else ("my sister says she wants to die"). */
export function isAboutSomeoneElse(span: MatchSpan, language: CrisisLanguage): boolean {
  const lexicon = LEXICONS[language];
  const { tokens, start } = span;
  for (let i = start - 1; i >= 0 && i >= start - 12; i--) {
    const token = tokens[i] ?? '';
    if (lexicon.subjectTokens.has(token)) return false;
    if (lexicon.thirdSubjects.has(token)) return true;
    if (lexicon.relations.has(token) && lexicon.possessives.has(tokens[i - 1] ?? '')) return true;
    if (lexicon.relations.has(token) && lexicon.possessives.has(tokens[i - 2] ?? '')) return true;
    if (
      language === 'es' &&
      token === 'el' &&
      /^(dice|dijo|quiere|va|esta|tiene|se|amenaza|tomo)$/.test(tokens[i + 1] ?? '')
    ) {
      return true;
    }
  }
  return false;
}
