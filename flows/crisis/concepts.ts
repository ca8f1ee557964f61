// Risk concepts: the words and phrases of each language that mean the same thing for risk, tagged once.
//
// Rules and the learned layer both read concepts instead of surface words, so a new wording of a known idea
// ("strap" for a gun, "tylenol" for pills, "ahorita" for now) counts the same as the words seen in training.
// Entries are matched on normalised tokens (see normalise.ts); a trailing `*` matches any ending.

import { collapseRepeats } from './collapse.js';
import type { CrisisLanguage } from './crisis-types.js';
import { onFirstUse } from './on-first-use.js';

export type Concept =
  | 'DIE'
  | 'DEAD'
  | 'KILL'
  | 'SUICIDE'
  | 'SELF'
  | 'ME'
  | 'END'
  | 'LIFE'
  | 'ALIVE'
  | 'EXIST'
  | 'LEAVE'
  | 'FOREVER'
  | 'WAKE'
  | 'SLEEP'
  | 'DRUG'
  | 'DOSE'
  | 'ROPE'
  | 'GUN'
  | 'BLADE'
  | 'HEIGHT'
  | 'JUMP'
  | 'GARAGE'
  | 'POISON'
  | 'TRAFFIC'
  | 'BLOOD'
  | 'CUT'
  | 'HURT'
  | 'BODY'
  | 'NOW'
  | 'SOON'
  | 'READY'
  | 'PLAN'
  | 'FAREWELL'
  | 'SORRY'
  | 'LETTER'
  | 'GIVEAWAY'
  | 'PET'
  | 'BURDEN'
  | 'HOPELESS'
  | 'DONE'
  | 'NOPOINT'
  | 'WISH'
  | 'GOD'
  | 'TAKE'
  | 'NEG'
  | 'PAST'
  | 'MEDIA'
  | 'JOKE'
  | 'SERIOUS'
  | 'THIRD'
  | 'KIN'
  | 'ABUSE'
  | 'THREAT'
  | 'HIDE'
  | 'SWALLOW'
  | 'MANY'
  | 'NUMBER'
  | 'SYMPTOM'
  | 'ALCOHOL'
  | 'ATTEMPT'
  | 'TRY'
  | 'HELP'
  | 'AGAIN'
  | 'ANYMORE'
  | 'FUTURE'
  | 'CHILD'
  | 'DEATHEMOJI'
  | 'FEAR'
  | 'IDIOM';

type ConceptTable = Readonly<Partial<Record<Concept, string>>>;

const EN: ConceptTable = {
  DIE: 'die dies dying died dye dyed dyin',
  DEAD: 'dead death deaths deceased corpse grave coffin funeral rip',
  KILL: 'kill kils kiled kiling murder unalive unalived unaliving slay off offing',
  SUICIDE: 'suicide suicidal suicid* kms kys sewerslide',
  SELF: 'myself meself self',
  ME: 'i me my mine',
  END: 'end ending ended finish finished over stop stopping quit',
  LIFE: 'life lives living live',
  ALIVE: 'alive breathing oxygen',
  EXIST: 'exist existing existence exists unexist* nonexist* person',
  LEAVE: 'go going gone leave leaving disappear disappearing vanish away checkout exit',
  FOREVER: 'forever permanently permanent good eternal eternity forevermore never',
  WAKE: 'wake waking woke awake',
  SLEEP: 'sleep asleep nap sleeping rest',
  DRUG: 'pils pil meds med tablets tablet capsules pilz oxy oxys oxycodone oxycontin percocet percs xanax xans bars benzos benzo valium klonopin ativan tylenol acetaminophen paracetamol ibuprofen advil aspirin excedrin nyquil benadryl sertraline zoloft prozac lexapro wellbutrin trazodone seroquel lithium insulin fentanyl fent heroin opioids opiates painkillers sleeping ambien melatonin prescription pharmacy morphine methadone gabapentin adderall lorazepam',
  DOSE: 'overdose overdosed overdosing od dose doses mg lethal fatal',
  ROPE: 'rope xnoose belt cord extension ligature hang hanging hanged hung rafter beam',
  GUN: 'gun guns pistol pistols rifle rifles shotgun glock revolver handgun firearm firearms strap piece burner bullet bullets ammo trigger barrel loaded shoot shooting shot 9mm',
  BLADE: 'knife knives blade blades razor razors boxcutter scalpel glass shard machete',
  HEIGHT:
    'bridge roof rooftop ledge edge cliff tracks train railroad overpass balcony building floor tower story storey highest tallest height heights',
  JUMP: 'jump jumping jumped leap fall falling drop',
  GARAGE: 'garage exhaust engine monoxide towels',
  POISON: 'bleach poison antifreeze pesticide lye ratpoison drano',
  TRAFFIC: 'traffic truck wreck crash interstate highway oncoming semi bus',
  BLOOD: 'blood bleeding bleed bled bloody',
  CUT: 'cut cuts cutting slice sliced slit slitting carve carving carved scratch burn burning burned slash',
  HURT: 'hurt hurting harm harming injure injury wound wounds scars',
  BODY: 'wrist wrists arm arms thigh thighs leg legs skin throat neck veins vein head stomach',
  NOW: 'now tonight today rightnow currently right',
  SOON: 'soon tomorrow weekend friday saturday sunday monday tuesday wednesday thursday morning later after',
  READY: 'ready decided prepared set sure figured',
  PLAN: 'plan plans planned planning date picked',
  FAREWELL: 'goodbye goodbyes bye farewell adios',
  SORRY: 'sorry forgive forgiven apologize fault',
  LETTER: 'note letter letters notes will',
  GIVEAWAY: 'give giving gave away rehome rehoming donate',
  PET: 'cat dog pets pet kitten puppy',
  BURDEN: 'burden burdens useless worthless waste',
  HOPELESS: 'hopeless hopelessness pointless futile trapped stuck unfixable',
  DONE: 'done tired exhausted through',
  NOPOINT: 'point reason purpose',
  WISH: 'wish wishing hope hoping pray praying want wanna wanted',
  GOD: 'god lord jesus heaven',
  TAKE: 'take taking took',
  NEG: 'not never no nobody nothing nor without',
  PAST: 'ago used was were years year back then once',
  MEDIA:
    'movie movies film show series episode book novel game games gaming character song lyrics anime podcast netflix fortnite minecraft roblox valorant level boss',
  JOKE: 'lol lmao lmfao jk haha hehe rofl joking kidding',
  SERIOUS: 'xserio serious seriously mean',
  THIRD: 'he she they him her them his hers their himself herself themselves someone somebody',
  KIN: 'mom mum mother dad father brother sister son daughter friend buddy husband wife boyfriend girlfriend partner roommate cousin uncle aunt grandma grandpa kid kids teen',
  ABUSE:
    'hitting hit beat beating beats choking choked strangling strangled punching punched slapped kicking raped abusing abuse',
  THREAT: 'threatened threatening threatens threat',
  HIDE: 'hiding locked closet bathroom trapped',
  SWALLOW: 'swallowed swallow ate popped downed chugged drank took',
  MANY: 'all whole bottle bottles handful bunch entire full many stash stockpile stocked saved saving enough',
  SYMPTOM:
    'dizzy shaking vomiting throwing numb breathe breathing heart pounding racing faint fainting seeing blurry',
  ALCOHOL: 'vodka alcohol wine beer whiskey booze liquor drunk tequila rum fifth',
  ATTEMPT: 'attempt attempted attempts',
  TRY: 'try tried trying',
  HELP: 'help please',
  AGAIN: 'again anymore',
  ANYMORE: 'anymore longer',
  FUTURE: 'going will gonna about planning intend',
  CHILD: 'baby son daughter kids child children',
  DEATHEMOJI: 'xcoffin xgun xpills xknife xrope xdown xgrave xskull xwave',
  FEAR: 'scared afraid terrified fear',
};

const ES: ConceptTable = {
  DIE: 'morir morirme muero muera muriera morirse muere murio moriria morimos muriendo',
  DEAD: 'muerte muerto muerta muertos difunto tumba ataud funeral velorio',
  KILL: 'matar matarme mato mata mataria matando quebrar quiebra desvivir* desvivirme',
  SUICIDE: 'suicid* suicidio suicidarme suicida',
  SELF: 'me mi mismo misma yo',
  ME: 'yo me mi mis',
  END: 'acabar acabo acaba terminar termina terminar fin final acabe',
  LIFE: 'vida vivir vivo viviendo',
  ALIVE: 'vivo viva respirar',
  EXIST: 'existir existo',
  LEAVE: 'irme ir voy vaya desaparecer desaparezco largarme salida baja',
  FOREVER: 'siempre nunca jamas eterno definitivo',
  WAKE: 'despertar despierte despertarme',
  SLEEP: 'dormir dormirme sueno descansar',
  DRUG: 'pastillas pastilla pastis pildoras medicamentos medicinas medicina clonazepam rivotril tafil alprazolam paracetamol tylenol ibuprofeno sertralina fluoxetina insulina fentanilo heroina receta farmacia tabletas calmantes',
  DOSE: 'sobredosis dosis mg',
  ROPE: 'soga cuerda lazo mecate cinturon cable ahorcar ahorcarme colgarme colgar horca viga',
  GUN: 'pistola arma armas escopeta rifle fusca cuete bala balas tiro pegarme disparar disparo cuerno',
  BLADE: 'cuchillo cuchillos navaja cuchilla cuchillas gillette sacapuntas vidrio machete',
  HEIGHT: 'puente azotea techo edificio balcon precipicio vias tren piso altura alto',
  JUMP: 'tirarme tirar aventarme lanzarme saltar caer',
  GARAGE: 'garaje cochera motor',
  POISON: 'veneno cloro matarratas raticida insecticida lejia',
  TRAFFIC: 'carro camion trafico carretera atropelle atropellen choque',
  BLOOD: 'sangre sangrando sangra desangrarme',
  CUT: 'cortar cortarme corte cortes cortando quemarme quemar rajar',
  HURT: 'lastimar lastimarme dano herida heridas hacerme',
  BODY: 'munecas muneca brazos brazo piernas piel cuello venas cabeza',
  NOW: 'ahora ahorita hoy noche ya',
  SOON: 'manana pronto viernes sabado domingo lunes martes miercoles jueves semestre semana luego despues',
  READY: 'listo lista listas decidido decidida preparado preparada claro',
  PLAN: 'plan planes planeado fecha',
  FAREWELL: 'adios despedirme despido despedida chao',
  SORRY: 'perdon perdonen perdoname perdone culpa disculpen',
  LETTER: 'carta cartas nota testamento',
  GIVEAWAY: 'regalar regale regalando regalo',
  PET: 'perro perrito gato gatito mascota',
  BURDEN: 'carga estorbo estorbar molestar inutil',
  HOPELESS: 'salida sentido caso atrapado atrapada',
  DONE: 'cansado cansada harto harta agotado agotada',
  NOPOINT: 'sentido razon caso',
  WISH: 'ojala quisiera quiero quiere deseo pido ganas',
  GOD: 'dios diosito senor cielo virgen',
  TAKE: 'llevara lleve recoja recogiera llevar',
  NEG: 'no nunca jamas ni tampoco nadie nada sin',
  PAST: 'hace antes anos solia era cuando',
  MEDIA: 'pelicula serie novela telenovela libro juego videojuego cancion personaje anime capitulo episodio',
  JOKE: 'lol jaja broma bromeando xd',
  SERIOUS: 'xserio serio neta verdad',
  THIRD: 'el ella ellos ellas alguien se',
  KIN: 'mama papa hermano hermana hijo hija amigo amiga esposo esposa novio novia tio tia primo prima abuela abuelo compa colega pareja marido',
  ABUSE: 'golpea golpeando golpeo pega pegando ahorcando ahorco violo abusa abusando',
  THREAT: 'amenazo amenaza amenazando',
  HIDE: 'escondida escondido encerrada encerrado encerro bano closet',
  SWALLOW: 'tome tomo tragué trague tragar tomarme tomado',
  MANY: 'todas todos toda todo frasco caja bote puno montonera juntadas guardadas guardando muchas',
  SYMPTOM: 'mareado mareada temblando vomitando respirar corazon desmayo',
  ALCOHOL: 'alcohol vino cerveza tequila ron guaro borracho borracha tomado',
  ATTEMPT: 'intento intente intentarlo intentado',
  TRY: 'intentar intente',
  HELP: 'ayuda ayudeme ayudame auxilio',
  AGAIN: 'otra vez nuevo',
  ANYMORE: 'mas',
  FUTURE: 'voy vamos ir pienso',
  CHILD: 'bebe hijo hija ninos nino',
  DEATHEMOJI: 'xcoffin xgun xpills xknife xrope xdown xgrave xskull xwave',
  FEAR: 'miedo asustada asustado',
};

interface ConceptLexicon {
  readonly exact: ReadonlyMap<string, readonly Concept[]>;
  readonly prefixes: ReadonlyArray<readonly [string, Concept]>;
}

function buildLexicon(table: ConceptTable): ConceptLexicon {
  const exact = new Map<string, Concept[]>();
  const prefixes: [string, Concept][] = [];
  for (const [concept, list] of Object.entries(table) as [Concept, string][]) {
    for (const raw of list.split(/\s+/).filter(Boolean)) {
      if (raw.endsWith('*')) {
        prefixes.push([collapseRepeats(raw.slice(0, -1)), concept]);
        continue;
      }
      const word = collapseRepeats(raw);
      const known = exact.get(word) ?? [];
      if (!known.includes(concept)) known.push(concept);
      exact.set(word, known);
    }
  }
  return { exact, prefixes };
}

const LEXICONS = /* @__PURE__ */ onFirstUse(
  (): Readonly<Record<CrisisLanguage, ConceptLexicon>> => ({ en: buildLexicon(EN), es: buildLexicon(ES) }),
);

const NONE: readonly Concept[] = [];

/** The concepts one normalised token stands for (most tokens stand for none). */
export function conceptsOf(token: string, language: CrisisLanguage): readonly Concept[] {
  const lexicon = LEXICONS()[language];
  const exact = lexicon.exact.get(token);
  if (exact) return exact;
  if (/^(?:\d+|#\d)$/.test(token)) return ['NUMBER'];
  for (const [prefix, concept] of lexicon.prefixes) if (token.startsWith(prefix)) return [concept];
  return NONE;
}
