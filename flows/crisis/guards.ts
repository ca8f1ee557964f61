// What cancels or redirects a rule match: negation, recovered past, fiction and news, jokes, someone else.

import { collapseRepeats } from './collapse.js';
import { compilePattern } from './compile-rules.js';
import type { CrisisLanguage } from './crisis-types.js';
import { PATTERN_MACROS } from './lexicon.js';
import { SERIOUS_MARKER } from './normalise.js';
import { onFirstUse } from './on-first-use.js';

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
  /** "that's behind me now", "ya salí de eso": the writer says the risk is over, anywhere in the message. */
  readonly resolved: RegExp;
  /** "hurting myself isn't one of them": a denial right after what it denies. */
  readonly denialAfter: RegExp;
  /** "no estoy pensando en eso... bueno sí", "I lied": a denial the writer takes back. */
  readonly walkBack: RegExp;
  /** "5 years clean from self-harm": a streak is history even on its anniversary "today". */
  readonly cleanStreak: RegExp;
  /** Talk about the subject rather than of oneself: training, warning signs, a nurse's patient, a paper. */
  readonly topicTalk: RegExp;
  /** "asked if I want to die and I said no": a screening question answered no. */
  readonly answeredNo: RegExp;
  /** A chore or outing at a high place ("fixing the roof", "tendiendo ropa"): not a method. */
  readonly benignActivity: RegExp;
}

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean).map(collapseRepeats));
}

function relationHeads(macro: string): ReadonlySet<string> {
  const body = PATTERN_MACROS[macro] ?? '';
  return words(body.replace(/[^a-z]+/g, ' '));
}

const LEXICONS = /* @__PURE__ */ onFirstUse(
  (): Readonly<Record<CrisisLanguage, GuardLexicon>> => ({
    en: {
      negationCues: words('not never no nor without neither nobody zero'),
      negationWindow: 3,
      transparent: words(
        'to any plans plan intention intentions thoughts thought urge urges want wanting going would ever really have had of about thinking feel feeling like planning trying try the a all will even',
      ),
      subjectTokens: words('i me myself'),
      thirdSubjects: words('he she they someone somebody'),
      possessives: words('my our his her their a'),
      relations: relationHeads('REL_EN'),
      mediaCues: words(
        'romeo juliet hamlet shakespeare movie movies film show series episode season book novel article news documentary podcast character characters song lyrics game games level boss anime manga netflix essay paper research lecture scene story tiktok youtube video play villain protagonist hero fortnite minecraft roblox valorant round respawn respawning camper raid match lobby server ranked band album concert playlist blasting listening class course training workshop seminar presentation homework assignment lesson',
      ),
      distantPast: compilePattern(
        String.raw`(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|many|several|some|few|a few|couple of|a couple of) (?:years?|yrs|months|decades?) ago|(?:years|months|ages|a long time|long time|a while|decades) ago|years back|when i was (?:\d+|a \S+|young|younger|little|in \S+)|as a (?:teen|teenager|kid|child)|in (?:high school|middle school|college|my teens|my twenties|the past|\d{4})|back (?:then|in|when)|used to|the old me|old me|(?:for )?(?:most of )?my (?:teens|twenties|thirties|childhood|youth)|i am \d+ now|at age \d+|last year|in (?:years|months|ages)|(?:\d+|two|three|four|five|six|ten) (?:years?|months?) (?:clean|sober|free)|i was \d+|in recovery`,
        '',
      ),
      presentRisk: compilePattern(
        String.raw`tonight|right now|today|again|still|currently|these days|lately|this (?:week|morning|evening|afternoon|time)|last night|tomorrow|relapsed|relapse|relapsing|back to`,
        '',
      ),
      resolved: compilePattern(
        String.raw`(?:that is|that was|it is|it was|all of that is|those days are) %2behind me|(?:came|come|got|made it) out the other side|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|many) (?:years?|months?) (?:clean|sober|free|without)|(?:got|getting) help %3(?:and|now)|(?:in a )?(?:good|better) place now|(?:doing|feel) (?:well|better|good|ok|okay) now|not (?:like that|that way) anymore|i am not now|not anymore|i am (?:so much |much |a lot |way )?better(?: now)?|that was (?:in )?\d{4}|(?:been|went) through %3(?:phase|that) %4(?:out|over|better)`,
        '',
      ),
      denialAfter: compilePattern(
        String.raw`^(?:is|was|are) not (?:one of them|an option|on the table|something i (?:would|will|want)|happening|what i want)`,
        '',
      ),
      walkBack: compilePattern(
        String.raw`(?:well|ok|okay|actually|honestly) (?:yes|yeah|i do|i am|i have)|i lied|that is a lie|that was a lie|who am i kidding|not true|lying to you`,
        '',
      ),
      cleanStreak: compilePattern(
        String.raw`(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:years?|months?|weeks?) (?:clean|free|sober) (?:from|of)`,
        '',
      ),
      topicTalk: compilePattern(
        String.raw`warning signs|(?:the )?signs (?:that|of|someone|somebody|a person)|asking for (?:my job|work|a class|school|my class)|(?:how|what) (?:do|can|should|would) (?:i|we) (?:talk|speak) to (?:my|a|our) (?:\S+ ){0,2}about|(?:put|puts|putting|plant|plants) the idea|(?:only|just) for people|people who (?:want|are thinking)|awareness|(?:a|the) (?:talk|workshop|training|class|seminar) (?:on|about)|for (?:my|a|our) (?:psychology |psych |history |english )?(?:paper|class|essay|research|project|assignment|thesis)|(?:how|what) (?:do|can|should|would) (?:i|we|you|you guys|volunteers) %2(?:help|support|say to|handle|respond to|talk to) (?:someone|a friend|my friend|people|them|him|her|it)|curious how (?:the )?training|as a (?:nurse|teacher|volunteer|counselor|therapist|paramedic|doctor)|talking about (?:suicide|self harm|it) (?:make|makes|put|puts|cause|causes|increase|increases)|(?:a|my|our) patient`,
        '',
      ),
      answeredNo: compilePattern(
        String.raw`(?:asked|asks|asking) (?:me )?(?:if|whether) (?:\S+ ){0,12}(?:i said no|said no|i told (?:her|him|them) no|answered no|i do not|i am not|no i do not)(?= \.|$| and| but)`,
        '',
      ),
      benignActivity: compilePattern(
        String.raw`(?:view|views|enjoying|gorgeous|beautiful|pretty|sunset|party|barbecue|bbq|drinks|coffee|fixing|repairing|cleaning|painting|shoveling|hanging (?:laundry|lights|clothes)|watching (?:the )?(?:sunset|sunrise|stars|fireworks)|installing|working on|replacing|putting up|taking photos|with my (?:kids|family|friends|dog))`,
        '',
      ),
    },
    es: {
      negationCues: words('no nunca jamas ni tampoco nada'),
      negationWindow: 2,
      transparent: words(
        'de a en ganas planes plan intencion intenciones pensando pienso pensamientos pensado pensar he ha hemos querido ningun ninguna tengo voy es eso esto lo',
      ),
      subjectTokens: words('yo me conmigo'),
      thirdSubjects: words('ella ellos ellas alguien'),
      possessives: words('mi mis su sus tu nuestro nuestra un una'),
      relations: relationHeads('REL_ES'),
      mediaCues: words(
        'telenovela telenovelas netflix pelicula peliculas serie series capitulo episodio libro novela articulo noticia noticias documental podcast personaje cancion letra juego videojuego nivel anime ensayo investigacion escena video tiktok obra protagonista villano banda album concierto escuchando clase curso taller capacitacion tarea exposicion materia',
      ),
      distantPast: compilePattern(
        String.raw`hace (?:\S+ ){0,2}(?:anos|meses|decadas)|hace (?:mucho )?tiempo|hace mucho|cuando (?:era|tenia|estaba en|iba en)|de (?:nino|nina|adolescente|joven|chic[oa]|pequen[oa]|chiquit[oa]|mas joven|mas chic[oa])|a los \d+|a los \S+ anos|en (?:la )?(?:prepa|secundaria|preparatoria|universidad|uni|el pasado|mi adolescencia)|antes (?:yo )?(?:me |lo |la |le )?\S+(?:aba|ia)(?= |$)|solia|el ano pasado|(?:llevo|tengo) \S+ (?:anos|meses) sin|anos sin|meses sin`,
        '',
      ),
      presentRisk: compilePattern(
        String.raw`esta noche|ahora mismo|ahorita|hoy|otra vez|de nuevo|todavia|aun|ultimamente|esta semana|anoche|manana|recai|recaida|volvi a`,
        '',
      ),
      resolved: compilePattern(
        String.raw`ya (?:sali|salí|lo supere|paso|pasó|quedo atras|no lo hago|no pienso en eso)|eso ya (?:paso|quedo atras)|gracias a dios ya|(?:llevo|tengo) %2(?:anos|meses) (?:bien|sin|limpio|limpia|sobrio|sobria)|con la terapia %3(?:ya|estoy|salí|sali|mejor)|(?:ahora|ya) estoy (?:bien|mejor|tranquil[oa])|eso fue (?:en )?\d{4}`,
        '',
      ),
      denialAfter: compilePattern(
        String.raw`^no (?:es|era) (?:una opcion|algo que (?:haria|quiero)|lo que quiero)`,
        '',
      ),
      walkBack: compilePattern(
        String.raw`bueno (?:si|la verdad si)|la verdad (?:si|es que si)|(?:te |les )?menti|perdon por mentir|no es cierto|es mentira`,
        '',
      ),
      cleanStreak: compilePattern(
        String.raw`(?:\d+|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez) (?:anos?|meses|mes|semanas?) (?:sin|limpi[oa] de|libre de)`,
        '',
      ),
      topicTalk: compilePattern(
        String.raw`senales de (?:alerta|advertencia)|(?:como|que) (?:le )?(?:hablo|digo|explico) a (?:mi|una|un) (?:\S+ ){0,2}(?:sobre|de)|(?:le |les )?da la idea|solo para (?:la )?(?:gente|personas)|(?:un|una|el|la) (?:taller|charla|platica|capacitacion|curso) (?:de|sobre)|primeros auxilios|como (?:puedo|se puede) saber si|pregunto para|para un taller|para (?:mi|una|la) (?:tarea|clase|investigacion|tesis|exposicion|ensayo)|(?:como|que) (?:puedo|podemos|debo|deberia) %2(?:ayudar|apoyar|decirle|hablar con) (?:a )?(?:alguien|una amiga|un amigo|mi amig[oa]|ell[oa]s?)|soy (?:enfermera|enfermero|maestra|maestro|voluntari[oa]|doctora|doctor|paramedico|psicolog[oa])|(?:un|una|el|la|mi) paciente`,
        '',
      ),
      answeredNo: compilePattern(
        String.raw`(?:me )?(?:pregunto|pregunta|preguntaron) si (?:\S+ ){0,12}(?:le dije que no|dije que no|conteste que no|les dije que no)`,
        '',
      ),
      benignActivity: compilePattern(
        String.raw`(?:vista|disfrutando|bonito|bonita|hermoso|precioso|fiesta|carne asada|cafe|tendiendo|colgando|lavando|arreglando|reparando|limpiando|pintando|barriendo|regando|trabajando|viendo el (?:atardecer|amanecer)|tomando (?:el sol|fotos)|con mi(?:s)? (?:hijos|familia|amigos|perro))`,
        '',
      ),
    },
  }),
);

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
  const lexicon = LEXICONS()[language];
  const { tokens, start } = span;
  if (lexicon.walkBack.test(tokens.join(' '))) return false;
  if (lexicon.denialAfter.test(tokens.slice(span.end + 1, span.end + 6).join(' '))) return true;
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

function clauseText(span: MatchSpan): string {
  return span.tokens
    .slice(clauseStart(span.tokens, span.start), clauseEnd(span.tokens, span.end) + 1)
    .join(' ');
}

/**
 * "I attempted ten years ago", or a clause with nothing current in a message that says the risk is over
 * ("thinking about ending things, but that's behind me now"): history, not present risk. A present-risk word
 * in the matched clause always keeps the match.
 */
export function isDistantPast(span: MatchSpan, language: CrisisLanguage): boolean {
  const lexicon = LEXICONS()[language];
  const text = clauseText(span);
  if (lexicon.cleanStreak.test(text) && !/relaps|reca[ií]|volvi a/.test(text)) return true;
  if (lexicon.presentRisk.test(text)) return false;
  if (lexicon.distantPast.test(text)) return true;
  // "Nine years clean now" cancels an old overdose, but not when the message says it is back ("relapsed ...
  // last night"): a resolution statement counts only in a message with no present-risk word at all.
  const message = span.tokens.join(' ');
  return lexicon.resolved.test(message) && !lexicon.presentRisk.test(message);
}

/** Talk about the subject (a nurse's patient, warning signs, a paper) in a message with no present risk. */
export function isTopicTalk(span: MatchSpan, language: CrisisLanguage): boolean {
  const lexicon = LEXICONS()[language];
  const message = span.tokens.join(' ');
  return lexicon.topicTalk.test(message) && !lexicon.presentRisk.test(message);
}

/** A screening question the writer reports answering no to. */
export function isAnsweredNo(span: MatchSpan, language: CrisisLanguage): boolean {
  return LEXICONS()[language].answeredNo.test(span.tokens.join(' '));
}

/** A place word in a clause about a chore or an outing there. */
export function isBenignActivity(span: MatchSpan, language: CrisisLanguage): boolean {
  return LEXICONS()[language].benignActivity.test(clauseText(span));
}

/**
 * "In the show she takes a bunch of pills": a film, book, game or news cue earlier in the clause with
 * no first-person word between it and the match. "Since that movie I want to die" still escalates.
 */
export function isFictionOrNews(span: MatchSpan, language: CrisisLanguage, wholeClause: boolean): boolean {
  const lexicon = LEXICONS()[language];
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
  const lexicon = LEXICONS()[language];
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
