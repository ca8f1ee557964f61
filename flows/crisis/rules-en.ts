// English crisis rules as data: each is a pattern over normalised text (see normalise.ts and compile-rules.ts).
//
// Normalised text has contractions expanded ("i am", "do not", "going to"), no accents and collapsed letter
// runs (patterns are collapsed the same way, so write "kill" and "pills" plainly). `%n` is a gap of up to
// n words. Idioms are blanked out before any rule runs.

import type { LanguageRuleSpecs, RuleSpec } from './crisis-types.js';

/** Built when the detector first needs them: String.raw is a call, which a bundler keeps unless it is inside one. */
export function englishRuleSpecs(): LanguageRuleSpecs {
  const SELF = String.raw`(?:myself|my own self)`;
  const THEM = String.raw`(?:himself|herself|themselves|themself)`;
  const FUTURE = String.raw`(?:going to|will|about to|plan to|planning to|planning on|plan on|decided to|intend to|ready to|tonight i will|tonight i am going to|tonight is the night i)`;
  const END_LIFE = String.raw`(?:(?:kill|killing) ${SELF}|(?:end|ending) (?:my|my own) life|(?:take|taking) my (?:own )?life|(?:end|ending) it all|commit suicide|(?:off|offing) ${SELF}|end ${SELF}|(?:end|ending) it)`;
  const TIME = String.raw`(?:tonight|tomorrow|today|this (?:weekend|week|evening|morning|afternoon|friday|saturday|sunday|monday|tuesday|wednesday|thursday)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|my birthday)|after (?:work|school|class|everyone|they|my)|when (?:everyone|they|my|he|she)|at \d+|soon|right now|now)`;
  const EDGE = String.raw`(?:bridge|roof|rooftop|ledge|edge|tracks|train tracks|railroad|building|balcony|cliff|window|overpass|parking garage)`;
  const WEAPON = String.raw`(?:gun|pistol|rifle|shotgun|knife|machete|weapon)`;
  const TARGET = String.raw`(?:him|her|them|someone|somebody|people|everyone|everybody|the (?:baby|kids?|children)|a (?:kid|child|baby)|my (?:baby|son|daughter|kids?|children|wife|husband|boss|dad|father|mom|mother|stepdad|stepmom|roommate|teacher|ex|neighbor|neighbour|partner|brother|sister|boyfriend|girlfriend|coworker|classmate|family)|(?:this|that) (?:guy|girl|man|woman|person|bitch|bastard|kid))`;

  const IDIOMS: readonly string[] = [
    String.raw`(?<!(?:he|she|they) (?:is|are) )killing me`,
    String.raw`(?:could|would) kill for`,
    String.raw`kill(?:s|ed|ing)? it(?! al)`,
    String.raw`kill(?:s|ed|ing)? (?:some |the )?time`,
    String.raw`dying (?:to|for|of (?:laughter|boredom|embarrassment|curiosity|hunger|thirst|the heat|cuteness|cringe)|laughing|over)`,
    String.raw`died (?:laughing|of (?:laughter|embarrassment|boredom|cringe))|(?:nearly|almost|literally) died (?:of|from|laughing)`,
    String.raw`dead (?:tired|on my feet|on our feet|serious|wrong|set|last|center|ass|inside)|(?:bored|scared|worried|sick|tired|freezing|starving|annoyed|frightened|loved|love you) to death`,
    String.raw`(?:rather|sooner) die than|to die for|drop dead|die of (?:embarrassment|boredom|laughter)`,
    String.raw`(?:phone|battery|laptop|car|plant|plants|tv|computer|fish|charger|headphones) (?:\S+ )?(?:died|is dead|was dead|dead)`,
    String.raw`(?:shoot|shot) (?:me )?(?:a |an )?(?:text|message|email|dm|msg|line|call)|shoot(?:ing)? (?:hoops|pool|a video|photos|the breeze|my shot)|shooting range`,
    String.raw`hang(?:ing|s)? (?:out|in there|on|up|with)`,
    String.raw`cut(?:ting)? (?:back|down|class|corners|my hair|her hair|his hair|the cord|it out|ties|carbs|sugar)`,
    String.raw`jump(?:ing|ed)? (?:on|in|into|at) (?:a |the )?(?:call|meeting|chat|shower|pool|conversation|chance|opportunity|game|convo|bandwagon)`,
    String.raw`(?:run|running|ran|do|doing|did|correr|corriendo|hacer|haciendo) (?:\S+ ){0,2}suicides|overdos(?:e|ed|ing) on (?:\S+ )?(?:coffee|caffeine|sugar|netflix|candy|chocolate|tv|memes|anime|carbs|junk food|sun|love|cute|cuteness|christmas|tiktok)`,
    String.raw`kill(?:ing)? ${SELF} (?:at (?:work|the gym|school|practice|this job)|to finish|to get|trying|working|studying|over (?:this|that|a|the|it|work|school)|for (?:this|that|a|the))`,
    String.raw`(?:cut|hurt|burn|burned|burnt) ${SELF} (?:shaving|cooking|by accident|accidentally|on (?:a|the)|at the gym|at work|while|playing|lifting|falling)`,
    String.raw`(?:hurt|kill) (?:${SELF}|${THEM}) laughing`,
    String.raw`(?:kill|murder) me (?:if|when) i (?:am late|fail|forget|miss|lose|break|eat|spend|wreck|crash|ruin|do not (?:pass|finish|clean|call|come)|get (?:a|home late|bad))|(?:kill|murder) me (?:when|if) (?:she|he|they|my \S+) (?:sees?|finds? out|hears?|notices?|finds?|knows?)|(?:mom|mum|dad|mother|father|boss|teacher|sister|brother|wife|husband|girlfriend|boyfriend|coach|parents|grandma) (?:\S+ ){0,4}(?:kill|murder) me for \S+ing`,
    String.raw`(?:suicide|suicidal) (?:squad|doors?|mission|rates?|prevention|awareness|statistics|run|drills?|sprints?|hotline number for)|(?:political|social|career|commercial) suicide`,
    String.raw`(?:die|dies|died|dying|dye|dyed|dyeing) (?:my|her|his|their|your|our) hair`,
    String.raw`(?:killer|deadline|deadlift)`,
    String.raw`(?:it|that|this|the news|reality) (?:really |just |kind of )?hit(?:s)? me(?: hard| like| so)?|hit me hard|die (?:laughing|of laughter)`,
    String.raw`(?:would|i would|i d) rather (?:jump|die|be dead|kill myself|shoot myself|drive off) (?:\S+ ){0,4}than (?:go|sit|do|see|talk|work|attend|deal|listen|watch|eat|hear)|if i have to (?:\S+ ){0,10}(?:one more|another|again) (?:\S+ ){0,8}(?:i am going to|i will|i wil|i would) (?:kill|shoot|hang) myself|kill (?:my|him|her) (?:\S+ )?(?:for|if|because|cause|he|she) (?:\S+ ){0,3}(?:ate|eats|eating|took|takes|taking|borrowed|used|broke|finished|drank|stole|lost|forgot)`,
    String.raw`(?:carbon monoxide|smoke|co) (?:detectors?|alarms?)|(?:laughing|laughed|laugh) so hard (?:\S+ ){0,6}(?:die|died|dying|pee|peed|cry|cried)`,
    String.raw`disappear (?:for )?(?:a (?:few|couple of) (?:days|hours|weeks)|a while|the weekend|a bit|an hour)`,
  ];

  const RULES: readonly RuleSpec[] = [
    // Overdose and medical emergency: already happening.
    {
      id: 'en.overdose.took-many',
      kind: 'overdose-or-medical',
      pattern: String.raw`(?:took|take|taken|taking|swallowed|swallow|ate|popped|downed|chugged|have taken|just took) %1(?:all (?:of )?(?:my|the|his|her|their)|all|a (?:whole|full|entire) (?:bottle|box|pack|packet|strip|jar) of|(?:whole|entire|full) (?:bottle|box|pack) of|too many|way too many|a (?:bunch|lot|handful|ton|load|fistful|shit ton) of|a handful|handfuls of|a bottle of|bottle of|like {NUM_MANY_EN}|{NUM_MANY_EN}|extra|double (?:my|the))(?: \S+){0,2} {DRUG_EN}`,
    },
    {
      id: 'en.overdose.took-amount',
      kind: 'overdose-or-medical',
      pattern: String.raw`(?:took|swallowed|ate|popped|downed|chugged|just took|have taken|had) %6(?:bottle|box|pack|packet|strip|jar|handful|fistful|blister|sheet|pile|bunch|bag) of %2{DRUG_EN}|(?:can not (?:feel|breathe|move|see|stay awake|wake up)|passing out|blacking out|throwing up blood|vomiting blood) %5(?:after|since|from) (?:the |taking |i took |those |all )?(?:{DRUG_EN}|overdose|bleach)|(?:after|since) (?:taking|i took|swallowing) %4(?:can not (?:feel|breathe|move|see|stay awake)|passing out|blacking out)`,
    },
    {
      id: 'en.overdose.overdosed',
      kind: 'overdose-or-medical',
      pattern: String.raw`(?:i|just|have|think i|i think i|he|she|they) %1(?:overdosed|overdosing|am overdosing|took an overdose|took an od|had an overdose|overdose on)`,
    },
    {
      id: 'en.overdose.mixed',
      kind: 'overdose-or-medical',
      pattern: String.raw`(?:mixed|mixing|took|drank|taking|combined) %3{DRUG_EN} %3(?:with|and) %2(?:alcohol|vodka|wine|beer|whiskey|whisky|booze|liquor|drinks|tequila|rum|gin)`,
    },
    {
      id: 'en.overdose.poison',
      kind: 'overdose-or-medical',
      pattern: String.raw`(?:drank|drink|swallowed|ate|took|drinking|chugged|have drunk) %2(?:bleach|antifreeze|poison|rat poison|drain cleaner|pesticide|weed killer|cleaning products?|lye|ammonia|detergent)`,
    },
    {
      id: 'en.medical.bleeding-unconscious',
      kind: 'overdose-or-medical',
      pattern: String.raw`(?:can not|will not|does not|not|wont) %2stop (?:the )?bleeding|bleeding (?:a lot|so much|everywhere|heavily|out|badly|will not stop|too much)|(?:cut|cuts|went) (?:too|to|really|very|so) deep|(?:lost|losing) (?:a lot of |so much |too much )?blood|(?:is not|not|stopped|are not) breathing|(?:will not|can not) wake (?:him|her|them|up)|(?:passed out|unconscious|unresponsive|turning blue|lips are blue|having a seizure|seizing)|(?:having|have|had) a (?:heart attack|stroke)(?! last| years| when)`,
    },
    {
      id: 'en.medical.cannot-breathe-after',
      kind: 'overdose-or-medical',
      pattern: String.raw`can not breathe %4(?:after|pills|took|overdose|swallowed|taking)|(?:after|since) (?:taking|i took|swallowing) %4can not breathe`,
    },

    // Abuse or immediate danger to the person writing.
    {
      id: 'en.abuse.being-hurt',
      kind: 'abuse-or-immediate-danger',
      pattern: String.raw`(?:is|are|keeps|keep|started|starting|just|was|been|has been|have been|he|she|they|he is|she is|they are) %2(?:hitting|beating|choking|strangling|kicking|punching|slapping|hurting|attacking|stabbing|raping|molesting|threatening|abusing|burning|smothering) (?:me|us|my (?:mom|mother|sister|brother|kids?|baby|son|daughter|children))`,
    },
    {
      id: 'en.abuse.hurts-me',
      kind: 'abuse-or-immediate-danger',
      pattern: String.raw`(?:hits|beats|chokes|kicks|punches|slaps|rapes|abuses|molests|strangles|burns|hit|beat|choked|kicked|punched|slapped|raped|molested|strangled|stabbed|assaulted|abused|pushed|pushes|grabbed) (?:me|us)(?! (?:to|into) (?:try|do|go|be|apply|see|get))|(?:touches|touching|touched) me %3(?:when|at night|there|without|and|every|while)|(?:threw|shoved|slammed|dragged|pinned|threw things at|throwing things at|throwing stuff at) me(?= |$)|(?:someone|somebody|a (?:man|guy|car|stranger)|he|she|they) (?:is|are|keeps|has been|was|have been) %1(?:following|stalking|chasing) me|(?:scared|afraid|fear|fearing|terrified) for my (?:life|safety)|(?:being|was|got|been|am being) (?:raped|molested|sexually assaulted|trafficked|abused|beaten|followed|stalked|attacked|chased|kidnapped|held hostage)`,
    },
    {
      id: 'en.abuse.threat-to-kill',
      kind: 'abuse-or-immediate-danger',
      weak: true,
      pattern: String.raw`(?:he|she|they|someone|somebody|he is|she is|they are|said he|said she|going to|will|threatened to|threatening to|threatens to|tried to|trying to|wants to|afraid he will|scared he will|afraid she will|scared she will) %2(?:kill|hurt|stab|shoot|rape|beat|strangle|choke|murder) (?:me|us|my (?:kids?|baby|children|mom|mother|family))`,
    },
    {
      id: 'en.abuse.weapon',
      kind: 'abuse-or-immediate-danger',
      pattern: String.raw`(?:has|have|got|is holding|holding|pulled|grabbed|has got|with) (?:a |the |his |her )?${WEAPON} %4(?:threatening me|threatening to|threatened me|pointing (?:it )?at me|pointed (?:it )?at me|coming (?:for|after) me|at my door|to my head|at me|yelling|screaming|outside|banging|coming in|looking for me)|${WEAPON} (?:to|at|against) my (?:head|throat|face|chest|neck)|(?:pointing|pointed|holding) (?:a |the |his |her )?${WEAPON} (?:at|to) me`,
    },
    {
      id: 'en.abuse.break-in',
      kind: 'abuse-or-immediate-danger',
      pattern: String.raw`(?:someone|somebody|a (?:man|guy|person|stranger)|he|she|they|people) %2(?:breaking|broke|trying to break|trying to get|forcing (?:his|their|her) way) %1in(?:to|side)?|break(?:ing)? into my (?:house|home|apartment|room|car|place)|(?:someone|somebody|a (?:man|guy|stranger)) (?:is )?(?:in|inside|outside) (?:my|the) (?:house|home|apartment|room|window|door) %3(?:scared|help|hiding|right now)`,
    },
    {
      id: 'en.abuse.hiding-trapped',
      kind: 'abuse-or-immediate-danger',
      pattern: String.raw`(?:locked|hiding|hidden|trapped|barricaded) (?:myself )?%3(?:in|inside) %3(?:bathroom|closet|room|car|basement|attic) %3(?:from|because|he|she|they|scared|help)|hiding from (?:him|her|them|my (?:husband|boyfriend|dad|father|stepdad|partner|ex|wife|girlfriend))|(?:locked|locks|keeps) me (?:in|inside|up)|(?:he|she|they|husband|boyfriend|partner|wife|girlfriend) %2(?:will not|does not|not) let me (?:leave|escape|out)(?! to| with)|let me leave %4(?:took|takes|taken|broke|smashed) my phone|(?:took|takes|taken|broke|smashed) my phone %4let me leave`,
    },

    // Someone else in danger, named explicitly (other kinds are re-attributed when the subject is someone else).
    {
      id: 'en.third-party.reflexive',
      kind: 'third-party-danger',
      pattern: String.raw`(?:kill|killing|kills|hurt|hurting|hurts|cut|cutting|cuts|hang|hanging|shoot|shooting|harm|harming|off|offing|end|ending|starve|starving|burn|burning|poison|drown|overdose) ${THEM}|(?:end|ending|take|taking) (?:his|her|their) (?:own )?life|(?:he|she|they) (?:is|are|was) suicidal`,
    },

    // Danger to others.
    {
      id: 'en.others.attack',
      kind: 'danger-to-others',
      weak: true,
      pattern: String.raw`(?:going to|will|want to|about to|plan to|planning to|afraid i will|scared i will|scared i am going to|afraid i am going to|afraid i might|scared i might|i might|urges? to|thoughts? of|thinking about|think about|thought about|keep thinking about|feel like|fantasize about|fantasizing about|can not stop thinking about) %2(?:kill|killing|hurt|hurting|stab|stabbing|shoot|shooting|beat|beating|strangle|choke|attack|murder|poison|harm|shake|shaking|hit|smother|drown|run over|beat up) %1${TARGET}`,
    },
    {
      id: 'en.others.weapon-to-place',
      kind: 'danger-to-others',
      pattern: String.raw`(?:shoot up|shooting up|(?:bring|take|bringing|taking) %3(?:gun|knife|weapon|rifle|bomb) to) %2(?:the )?(?:school|work|class|office|church|mall|party|place|campus)|make (?:them|everyone|everybody|all of them|those people) (?:all )?pay|(?:i will|going to) make them (?:all )?pay`,
    },

    // Means and method.
    {
      id: 'en.means.ready',
      kind: 'means-or-method',
      pattern: String.raw`(?:pills|meds|tablets|rope|xnoose|gun|pistol|knife|blade|razor|poison|bullets?|{DRUG_EN}) %3(?:ready|lined up|laid out|in (?:my )?(?:hand|lap|mouth)|next to me|saved up|counted out|set up|tied|all ready)|(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting|counting|lining up|saving up) %2{DRUG_EN}|loaded (?:gun|pistol|rifle|shotgun)|(?:gun|pistol|rifle|shotgun) (?:[^ ]+ ){0,4}(?:is |it is )?loaded`,
    },
    {
      id: 'en.means.lethal-dose',
      kind: 'means-or-method',
      pattern: String.raw`lethal (?:dose|amount|overdose)|fatal dose|overdose amount|how (?:many|much) (?:\S+ ){0,2}{DRUG_EN} %4(?:die|kill|overdose|not wake up|take to|would it take|does it take|lethal|fatal|enough to)|how (?:many|much) %3to (?:die|kill myself|overdose)|how (?:long|much|fast|many) %6(?:bleed out|bleed to death|to bleed out)`,
    },
    {
      id: 'en.means.jump',
      kind: 'means-or-method',
      weak: true,
      pattern: String.raw`(?:jump|jumping|throw myself|throwing myself|leap|leaping|step off|fall) %3(?:off|from|of|in front of|into|onto) %3(?:${EDGE}|train|bus|car|truck|traffic|subway|floor|story)|(?:standing|sitting|i am|on|at|up) %2(?:on|at|near) (?:the |a |this |top of the )?(?:edge|ledge|bridge|roof|rooftop|tracks|train tracks|railroad|cliff|balcony|overpass) %4(?:jump|jumping|right now|now|waiting|looking down|thinking|want|alone|ready|end|fall)|${EDGE} %5(?:jump|jumping|let go)(?! rope)|(?:want|going|thinking|about|ready|planning) %2(?:to )?jump(?:ing)? (?:off|from|tonight|now|in front)`,
    },
    {
      id: 'en.means.research-water',
      kind: 'means-or-method',
      pattern: String.raw`(?:ways?|methods?|how) to (?:die|kill ${SELF}|end (?:my life|it all)|commit suicide|overdose|hang ${SELF})|painless (?:way|ways|death|method|methods)|(?:researching|googling|googled|searched|searching|looking up|looked up|reading about) %3(?:suicide|ways to die|dying|overdoses?|lethal|methods)|how (?:high|far|deep|long|many|much) %6(?:to die|would kill|kill me|is fatal|is lethal|fatal|lethal)|(?:walk|walking|swim|swimming|drive|driving) %2(?:into|out into|out to|off into) (?:the )?(?:ocean|sea|lake|river|water|traffic) %4(?:not come back|not coming back|never come back|never coming back|and not|drown|disappear)|(?:use|using) (?:it|them|that|this|the \S+) on ${SELF}|(?:have|got|bought|holding|found|get) (?:the |my |some |a |new )?(?:razor blades|blades|xnoose)|(?:going to|will|want to|thinking about|about to|planning to) (?:take|swallow|overdose on|taking|swallowing) %2(?:all|a bunch of|a whole bottle of|the whole bottle of|every|a handful of|the rest of) %2{DRUG_EN}|(?:going to|will|want to|thinking about|about to) (?:drink|drinking|swallow|swallowing) (?:some )?(?:bleach|antifreeze|poison)|(?:i am|am|standing|sitting) %2(?:up )?(?:on|at|near) (?:the |a |this |top of the )?(?:ledge|bridge|roof|rooftop|tracks|train tracks|railroad|cliff|balcony|overpass)(?= \.|$)`,
    },
    {
      id: 'en.means.hanging',
      kind: 'means-or-method',
      pattern: String.raw`(?:hang|hanging) ${SELF}|xnoose|(?:rope|belt|cord) %2(?:around|round|on) my neck|(?:tie|tied|tying|make|made|making) %2(?:rope|belt) %3(?:neck|ceiling|beam|closet|door)`,
    },
    {
      id: 'en.means.wrists',
      kind: 'means-or-method',
      pattern: String.raw`(?:knife|blade|razor|glass) (?:to|on|against) my (?:wrists?|throat|neck|skin|arms?|veins)|(?:slit|slitting|slice|slicing|cut|cutting|open|opening) %2(?:my )?(?:wrists?|throat|veins)`,
    },
    {
      id: 'en.means.gun',
      kind: 'means-or-method',
      weak: true,
      pattern: String.raw`(?:gun|pistol|rifle|shotgun|barrel) %3(?:to|in|against|at) my (?:head|mouth|temple|chest)|shoot ${SELF}|blow my (?:brains|head) (?:out|off)|put a bullet in my`,
    },
    {
      id: 'en.means.vehicle-gas',
      kind: 'means-or-method',
      pattern: String.raw`(?:drive|crash|swerve|steer) %3(?:into|off) %3(?:wall|tree|traffic|bridge|cliff|truck|oncoming|pole|overpass|pier|dock|embankment|ravine|canyon|guardrail|lake|river)|car running %3garage|carbon monoxide|(?:walk|step|run) %2into traffic|(?:in front of|under) (?:a |the )?(?:train|bus|truck|subway)|(?:drown|poison|starve|suffocate|electrocute|gas) ${SELF}`,
    },

    // Intent or plan.
    {
      id: 'en.intent.future',
      kind: 'intent-or-plan',
      pattern: String.raw`${FUTURE} %2(?:${END_LIFE}|overdose|do it tonight)(?! with)|${END_LIFE} %3${TIME}|(?:going to|will) do it (?:tonight|today|now)|tonight is the night`,
    },
    {
      id: 'en.intent.note-plan',
      kind: 'intent-or-plan',
      pattern: String.raw`suicide (?:note|letter|plan)|(?:have|got|made|making|had) a plan (?:to|for|and|on how|to end)|(?:set|picked|chose) (?:a|the) (?:date|day) (?:to|for)|(?:set|picked|chose) a date|(?:have|got) (?:a|the) plan %3(?:die|kill|end|tonight)`,
    },

    // Self-harm.
    {
      id: 'en.self-harm.act',
      kind: 'self-harm',
      pattern: String.raw`(?:cut|cutting|cuts|slice|slash|slashed|slashing|carve|carved|carving|scratch|scratching|scratched|burn|burning|burned|burnt|hit|hitting|punch|punching|bite|biting|hurt|hurting|harm|harming|stab|stabbing|starve|starving|bruise|bruising) (?:into )?(?:${SELF}|my (?:arms?|legs?|thighs?|wrists?|skin|stomach|body|hips?|forearms?))(?! (?:on|with (?:a|the) (?:paper|knife while)|while cooking))`,
    },
    {
      id: 'en.self-harm.urge',
      kind: 'self-harm',
      pattern: String.raw`(?:fresh|new) (?:cuts|wounds|scars|burns)|self ?harm(?:ing|ed)?|self ?injur\S*|(?:relapsed|relapse|relapsing) %3(?:cut|cutting|self harm|burning)|(?:want|need|going|urge|urges|about|tempted) %3(?:to )?cut(?= (?:so|again|tonight|now|bad|badly|really|deep|deeper|and|because|i|\.)|$)`,
    },

    // Farewell.
    {
      id: 'en.farewell.goodbye',
      kind: 'farewell',
      pattern: String.raw`(?:this is|saying|say|said|wanted to say|want to say|final|last|my) %2goodbye(?! (?:to (?:my|the|our) (?:old|ex|job|house|apartment|summer|coworkers|class)))|goodbye (?:forever|for ever|world|cruel world|everyone|everybody|all|to everyone|for good|message|note|letter|post|video|text)|before i (?:go|leave|die|am gone)(?! (?:to|out|home|back|in|on|shopping|for|\S+ing))|before i leave this world`,
    },
    {
      id: 'en.farewell.gone',
      kind: 'farewell',
      pattern: String.raw`(?:said|saying|say|made|making) my goodbyes|(?:affairs|things|everything|stuff) in order|(?:wrote|made|writing|updated) (?:my|a) will|(?:will not|never|not going to) (?:hear from|see|talk to|be hearing from) me (?:again|anymore|ever)|(?:last time|final time) (?:you|anyone) (?:will )?(?:hear|see|talk)|(?:love you all|love you guys|love you everyone|love you so much) (?:[^ ]+ ){0,4}(?:forgive me|goodbye|sorry|bye)|forgive me for what i (?:am about to|am going to|will) do|(?:when|after|once|by the time) (?:i am) (?:gone|dead|not here|not around|no longer here)|(?:will not|not going to|wil not) be (?:here|around|alive) %3(?:tomorrow|much longer|anymore|by|for long|next)|(?:this|it) is my last (?:message|text|night|day|time|week|weekend|month|christmas|birthday)|my last (?:message|text|words|night|day) (?:ever|on earth|alive)|last message to (?:anyone|you|everyone)|see you on the other side`,
    },
    {
      id: 'en.farewell.giving-away',
      kind: 'farewell',
      pattern: String.raw`(?:gave|giving|give|given) away (?:all )?(?:my|all my) (?:stuff|things|belongings|possessions|cat|dog|pets?|money|everything)|(?:giving|gave|give) (?:away )?(?:all )?my (?:stuff|things|belongings) away|(?:take care of|look after|feed|adopt|care for) my (?:cat|dog|pets?|kids|children|plants) %3(?:when|after|once|if) (?:i am) gone|(?:wrote|written|writing|left) %2(?:letters?|notes?) (?:to|for) (?:my (?:family|mom|parents|kids)|everyone|each)|will not need (?:them|it|my \S+) anymore`,
    },

    // Suicidal ideation, active and passive.
    {
      id: 'en.ideation.tired-of-living',
      kind: 'suicidal-ideation',
      pattern: String.raw`(?:tired|sick|done|exhausted|weary) (?:of |with )?(?:living|being alive|life|existing|this life|my life|being here)(?! (?:in|at|with|paycheck|like a))|(?:feel|feeling|felt) like dying|(?:just |to )?not exist(?:ing)?|stop existing|cease to exist|sleep forever|eternal sleep|(?:imagining|imagine|planning|picturing|picture|thinking about|fantasize about|fantasizing about|dream about|dreaming about) my (?:own )?(?:funeral|death|suicide)|(?:want|wanna|wish|ready|need|long|longing|craving|crave) %2(?:for )?death|(?:want|wanna|ready|need) to end it(?! with)|(?:thinking|thought|think|considering|consider|contemplating) (?:of |about )?(?:ending it|ending things|ending everything|not being here|not being alive|dying|death)`,
    },
    {
      id: 'en.ideation.want-to-die',
      kind: 'suicidal-ideation',
      weak: true,
      pattern: String.raw`(?:want|wants|wanted|wish|wishing|wanting|need|ready|going) %2to (?:die|dye(?! (?:my|her|his|the|it|your))|be dead|just die|not be alive|not exist|stop existing|not wake up|never wake up|disappear forever)|(?:i am|i feel) (?:ready|waiting) to die`,
    },
    {
      id: 'en.ideation.wish-dead',
      kind: 'suicidal-ideation',
      pattern: String.raw`wish %2(?:i was|i were|i would|i could|to be|to just|i had) %2(?:dead|die|disappear forever|never been born|not been born|not wake up|never wake up)|(?:better off|rather be) dead|want to be gone|wish i (?:was|were) gone`,
    },
    {
      id: 'en.ideation.never-wake',
      kind: 'suicidal-ideation',
      pattern: String.raw`(?:sleep|slept|bed|close my eyes) %4(?:and|&) (?:never|not|do not|not ever) wake up|(?:hope|wish|pray|praying) %3(?:i|to) (?:do not|never|will not|not) wake up|(?:do not|never) want to wake up (?:ever|again|anymore)`,
    },
    {
      id: 'en.ideation.not-want-to-live',
      kind: 'suicidal-ideation',
      pattern: String.raw`(?:do not|does not|no longer) %1(?:want|wish) to (?:live|be alive|exist|keep living|go on living)|(?:do not|does not|no longer) %1(?:want|wish) to (?:be here|be around|go on|keep going|wake up) %2(?:anymore|any longer|no more|ever again)`,
    },
    {
      id: 'en.ideation.suicidal',
      kind: 'suicidal-ideation',
      pattern: String.raw`suicidal|(?:thinking|thought|thoughts|think|considering|contemplating|considered|ideas|feel|feeling|urges?|tempted) (?:about |of |on |to |by )?(?:\S+ )?suicide|suicide (?:is )?(?:on|in) my (?:mind|head)|(?:want|wants) to commit suicide|(?:attempt|attempted) suicide|(?:mentioned|mentions|mentioning|talking about|talked about|said) (?:ending it|ending things|wanting to die|not wanting to live)|(?:talking|talks|talked|keeps talking|posting|posts|mentioned|mentions|mentioning|joking|jokes|threatened|threatening|threatens|said something) (?:about|of|to) (?:suicide|killing ${SELF}|killing ${THEM}|dying|wanting to die|ending (?:it|his life|her life|their life|my life))`,
    },
    {
      id: 'en.ideation.kill-myself',
      kind: 'suicidal-ideation',
      weak: true,
      pattern: String.raw`(?:kill|killing|off|offing|end|ending) ${SELF}|(?:end|ending|take|taking|and) my (?:own )?life|end it all|ending it all`,
    },
    {
      id: 'en.ideation.burden-better-off',
      kind: 'suicidal-ideation',
      pattern: String.raw`(?:better off|happier|easier|better|fine) %2(?:if|when) i (?:was|were|am|was not|were not) %1(?:dead|gone|not here|not around|never born)|(?:better off|happier|easier|better) %2(?:if|when) i (?:died|die|killed myself|disappeared)|(?:better off|happier|easier) %3without me|better off if i (?:was|were|am) (?:not|gone|dead)|better off if i (?:died|did not exist|was never born)|(?:no one|world|everyone|anyone) (?:would|will|would not|wil) %2(?:miss|notice|care|even notice|even care) %3(?:if|when) i (?:was|were|am|died|die|disappeared|disappear|left|killed)`,
    },
    {
      id: 'en.ideation.no-reason',
      kind: 'suicidal-ideation',
      pattern: String.raw`(?:no|not|nothing|any|what is the) %2(?:reason|point|purpose|use) %3(?:live|living|alive|existing|exist|being here|go on|going on|keep going)|nothing (?:left )?to live for|nothing (?:left )?to (?:stay|stick around) for|(?:life|living) (?:is not|is|not) %1worth (?:living|it anymore)|what is the point (?:of|in) (?:living|life|being alive|going on|anything anymore|trying anymore|even being here)|can not (?:go on|keep living|live like this) %1(?:anymore|any longer)?`,
    },
    {
      id: 'en.ideation.want-it-to-end',
      kind: 'suicidal-ideation',
      pattern: String.raw`(?:want|wish|need) (?:it al|everything|my life|life|it all) to (?:end|stop|be over)|(?:want|wanted|wish) %2to (?:stop|quit) (?:existing|living)|(?:wish|want) %2(?:never been born|never existed|not exist|was not born)|(?:want|wish|wanna) %3disappear (?:forever|for good|permanently|and never come back|from (?:this|the) (?:world|earth|planet))|(?:hope|wish|pray) %2(?:something|someone|a car|a bus|a truck) %2(?:kills?|hits?|runs? over|ends?) me|hope i (?:die|get hit|crash)`,
    },

    // Concept compositions: a new wording of a known idea (an exit verb with a "for good", a wish tied to an
    // illness or accident, means held with an odd purpose, a symptom after taking something).
    {
      id: 'en.ideation.exit-for-good',
      kind: 'suicidal-ideation',
      pattern: String.raw`(?:log|logging|logged|check|checking|clock|clocking|tap|tapping|peace|bow|bowing|sign|signing|dip|dipping|delete|deleting|uninstall|uninstalling|quit|quitting|leave|leaving|exit|exiting|end|ending|rage ?quit) (?:off |out |myself |the game |this game |life |it )?%2(?:for good|permanently|forever|for real this time|from (?:life|this life|this world|existence|earth|everything)|irl|in real life|of life|of this world|of existence)|(?:forever|eternal|permanent|long|big|final|last) (?:nap|sleep|rest|goodnight)|(?:big |final |permanent )?(?:logout|log out|checkout|check out|checking out|clock out|sign off|signing off) (?:\S+ ){0,4}(?:irl|in real life|early|not the (?:hotel|account|app|work|job))|(?:clock|clocking|check|checking|log|logging|sign|signing|tap|tapping|bow|bowing) (?:out|off) (?:\S+ ){0,6}(?:from everything|from life|of life|for good|for the last time|permanently|forever)|un ?exist(?:ing|ence)?|(?:stop|done|finished|tired of) being (?:a person|human|alive|here|me)|done being a person|(?:be|being|am) (?:dead|gone) (?:sounds|seems|feels|would feel|would be) %2(?:peaceful|nice|good|better|like relief|easier|amazing|great)|(?:death|dying|being dead|not existing|not being here|being gone) (?:sounds|seems|feels|would be|looks) %2(?:peaceful|nice|good|better|like (?:a )?relief|easier|amazing|great|like freedom)`,
    },
    {
      id: 'en.ideation.wishing-dead',
      kind: 'suicidal-ideation',
      pattern: String.raw`(?:wish|wishing|wished|hope|hoping|hoped|pray|praying|prayed) %3(?:i was|i were|i would be|to be|i could be|i am|i would) %2(?:dead|gone for good|not alive|not here anymore|never born)|(?:disappointed|upset|sad|angry|mad|annoyed|pissed) %3(?:that )?i (?:woke up|am still (?:here|alive)|survived|did not die)|(?:pray|praying|asking|ask|beg|begging|begged) %4(?:god|the lord|lord|jesus|heaven) %3(?:to )?(?:take me|call me home|bring me home|let me die|end it|take me home)|(?:hope|hoping|wish|wishing|pray|praying) %6(?:cancer|covid|tumor|the plane|a wreck|a crash|an accident|a heart attack|get hit|gets me|kills me|takes me|finishes me|(?:crash|wreck)) %6(?:so i|and i|come back|comes back|goes down|go down|would go down|kills me|takes me|do not have to|does not have to|is not my fault|it is not my fault|finally)`,
    },
    {
      id: 'en.means.odd-purpose',
      kind: 'means-or-method',
      pattern: String.raw`(?:bought|buy|got|picked up|ordered|borrowed|took|stole|found|have) %4(?:gun|pistol|rifle|shotgun|strap|rope|xnoose|poison|rat poison|razor blades|pills|{DRUG_EN}) %8(?:not for (?:a |the )?(?:project|protection|hunting|camping|rats)|did not buy it for|not planning on using it on (?:anyone|anybody) else|no (?:rats|mice)|do not have (?:rats|mice|a project)|just in case|for myself|for me)|(?:sleeping|sleep|slept|sitting|sit|lying) with %4(?:gun|pistol|rifle|strap|knife|rope|pills) %4(?:under|next to|in|on|beside)|(?:keep|keeps|kept|been|am|just) %3(?:holding|hold|staring at|looking at|touching|cleaning) %4(?:the |his |her |my |a |an |one )?(?:gun|pistol|rifle|strap|rope|xnoose|pills|bottle|blade|razor)|(?:strap|gun|pistol|piece) (?:in|under) my (?:backpack|bag|pillow|waistband|pocket|lap)|(?:rope|xnoose) (?:is )?(?:already )?(?:up|hanging|tied)`,
    },
    {
      id: 'en.means.at-the-edge',
      kind: 'means-or-method',
      pattern: String.raw`(?:i am|am|standing|sitting|waiting|parked|stood|sat|here) %3(?:on|at|by|near|under|over|in|up on) (?:the |a |this |top of the |edge of the )?%2(?:edge|ledge|bridge|roof|rooftop|tracks|train tracks|railroad|rail|cliff|balcony|overpass|parking garage|top floor|water) %8(?:train|comes|waiting|looking down|down there|nobody|no one|right now|tonight|now|alone|why i|not sure why|jump|fall|it is high|so high|how far|just|anymore|goodbye)|(?:tallest|highest) (?:bridge|building|cliff|parking garage|overpass) %3(?:near|in|around|close)`,
    },
    {
      id: 'en.overdose.after-taking',
      kind: 'overdose-or-medical',
      pattern: String.raw`(?:took|taken|swallowed|ate|snorted|popped|had|mixed|drank|smoked|injected|shot up) %10(?:{DRUG_EN}|something|twice|double|extra|too much|\d+ ?mg|\d+|a lot) (?:\S+ ){0,14}(?:heart (?:is )?(?:pounding|racing|going crazy|beating (?:so )?fast)|can not (?:breathe|see|feel|stop shaking|stay awake|move|think straight)|throwing up|vomiting|passing out|shaking|so dizzy|dizzy|numb|seizure|chest (?:pain|hurts)|see straight|blurry|too much)|(?:baby|toddler|son|daughter|kid|child|year old|grandson|granddaughter) (?:\S+ ){0,12}(?:got into|ate|eaten|swallowed|drank|chewed) (?:\S+ ){0,6}(?:{DRUG_EN}|pils|bleach|detergent|pods|medicine|vitamins|batteries)`,
    },
    {
      id: 'en.farewell.message-to-pass-on',
      kind: 'farewell',
      pattern: String.raw`(?:tell|tel|let|make sure (?:someone|somebody|you) tells?|can you tell|if anyone asks tell|if (?:anyone|someone|somebody) asks %3tell) %3(?:my \S+|everyone|everybody|them|him|her|\S+) %2(?:that )?(?:i (?:loved|love|am sorry|was sorry|tried|did try)|it (?:was not|is not|was never) (?:her|his|their|your|anyone|anybody|their) fault|not to blame (?:herself|himself|themselves))|(?:left|wrote|written|put) %4(?:letters?|notes?|envelope|passwords|instructions) %4(?:for|to) (?:my|each|everyone|them|him|her) %6(?:just in case|when i am gone|after|they will understand|understand when)|(?:paid off|cleaned|gave away|rehomed|found a home for|said goodbye to|signed my will|picked out|wrote letters) (?:\S+ ){0,20}(?:i am ready|ready now|it is done|all done|finally done|just in case|feels good to have it done)|(?:wrote|written|writing|left|put) (?:\S+ ){0,5}(?:letters?|notes?|envelope|passwords|combination|instructions)(?: \S+){0,12} (?:they will understand|understand when|when i am gone|just in case|after i am gone|when they are older)`,
    },
    {
      id: 'en.others.make-them-pay',
      kind: 'danger-to-others',
      pattern: String.raw`(?:make|making) (?:them|everyone|everybody|all of them|him|her|those \S+|\S+ at (?:school|work)) %3(?:pay|regret it|sorry|suffer)|(?:list|names) of (?:people|everyone|those|the ones) %4(?:pay|deserve|going to|regret)|(?:run|ran|running|hit) (?:my |their |her |his )?(?:ex|boss|husband|wife|stepdad|him|her) over|(?:burn|burning|torch|torching) (?:\S+ ){0,4}(?:down )?with (?:him|her|them|\S+) (?:still )?inside|gas can (?:\S+ ){0,6}(?:him|her|them|his|her|house|bar|car)`,
    },
    {
      id: 'en.attempt.recent',
      kind: 'intent-or-plan',
      pattern: String.raw`(?:attempt|attempted|tried to (?:kill|end|hang|overdose|jump)|almost (?:jumped|did it|killed myself|went through with it)|nearly (?:jumped|did it|killed myself)|my attempt|overdosed|od) %8(?:yesterday|last (?:night|week|weekend|month)|(?:\d+|a few|couple of|two|three|four|five|six) (?:days|weeks) ago|this (?:week|weekend|month)|on (?:sunday|monday|tuesday|wednesday|thursday|friday|saturday))|(?:yesterday|last (?:night|week|weekend)|(?:\d+|a few|two|three|four|five|six) (?:days|weeks) ago|discharged %4after) %8(?:attempt|attempted|tried to|almost jumped|almost did it|nearly did it|sat in the car with the engine)`,
    },
    {
      id: 'en.self-harm.just-did',
      kind: 'self-harm',
      pattern: String.raw`(?:just|again|i) (?:cut|burned|burnt)(?= \.|$| and| i| again| deep| myself| bad)|(?:carving|carved|carve|scratching|scratched|burning) %2(?:words|letters|lines)? ?(?:into|in|on) my (?:arms?|legs?|thighs?|skin|wrists?|stomach)|(?:hitting|banging|slamming) my head %3(?:wall|floor|door)|(?:relapsed|relapse|relapsing) (?:\S+ ){0,8}(?:self harm|cutting|cut|burning)`,
    },

    {
      id: 'en.intent.decided',
      kind: 'intent-or-plan',
      pattern: String.raw`(?:made|make|making) (?:my|the|a) (?:decision|choice|peace) %6(?:doing it|do it|going|tonight|this weekend|tomorrow|friday|saturday|sunday|soon)|i am (?:doing|going to do) it %3(?:tonight|this weekend|tomorrow|today|soon|on (?:friday|saturday|sunday|monday))|(?:done|finished|through) with (?:all of )?(?:it|everything|this|life|all of this) %4(?:for good|forever|permanently|this week|tonight)|ready to be done (?:\S+ ){0,8}(?:for good|forever|this week|tonight)|when %6(?:go to sleep|are asleep|is asleep|fall asleep|leave|are gone|go to bed) %3i am (?:done|gone|going to do it|doing it)|(?:have|got) (?:a|the) (?:date|day) (?:picked|set|chosen)|(?:tried|attempted|attempt) (?:\S+ ){0,10}this time %4(?:i know|i will|it will|for real|for good|i am not|i will not|no one)|(?:checking out|check out|clocking out|logging off|tapping out|bowing out) %3(?:after|tonight|tomorrow|this week|when|soon)`,
    },
    {
      id: 'en.ideation.not-meant-to-be-here',
      kind: 'suicidal-ideation',
      pattern: String.raw`(?:not|never) (?:\S+ ){0,3}(?:supposed|meant) to be (?:here|alive|on earth|born|in this world)|(?:wasting|using up|taking up|waste of) (?:\S+ )?(?:oxygen|air|space)|can not see myself %3(?:making it|living|being alive|being here|getting) %3(?:to|past|until|through)|(?:do not|can not) see (?:myself|me) %3(?:being here|around|alive|living|still here) %3(?:much longer|long|next year|anymore|for long)|(?:do not|can not) see a future where i am %2(?:still )?(?:around|here|alive)|(?:gun|guns|pistol|rifle|rifles|shotgun) (?:\S+ ){0,12}(?:just to hold|to hold one|holding one|hold it|holding it)|(?:not sure|do not know if|unsure if) i want to (?:live|make it|be here|keep going|be alive|go on|wake up)|(?:would|will|could) (?:get|have|collect) (?:the |my )?life insurance|(?:going to|want to|wants to|ready to) (?:join|be with) (?:my|her|his|their) %2(?:dad|mom|husband|wife|son|daughter|father|mother|brother|sister|baby|grandma|grandpa|boyfriend|girlfriend) (?:\S+ ){0,8}(?:died|passed|in heaven|is dead|gone|grave)|(?:wish|hope|hoping|wishing) (?:it|that|this|they|something) %2(?:would|will|could) %3(?:actually|really|literally|just) (?:do it|kill me|finish me|happen)|(?:do you ever|you ever|ever) %3(?:want|wanna|feel like|think about) %2(?:to )?(?:kill yourself|die|dying|end it|not wake up|disappear) (?:\S+ ){0,6}(?:because|bc|cuz|cause|cus|coz|since) i do`,
    },
    {
      id: 'en.farewell.arrangements',
      kind: 'farewell',
      pattern: String.raw`(?:signed|finished|finalized|made|wrote|updated) (?:my|a) will|(?:picked out|planned|booked|paid for|chose|ordered) (?:the |my |a )?(?:cremation|funeral|burial|casket|coffin|urn|grave|plot)|(?:gave|given|giving) (?:\S+ ){0,8}(?:to (?:my|a|\S+)) %6(?:keep (?:it|them) forever|keep (?:it|them) for good|will not need (?:it|them))|told (?:him|her|them) to keep (?:it|them) forever|(?:gun|pistol) %1head|(?:coffin|xskull) %4(?:bye|goodbye|forever|can not anymore|xserio)|(?:bye|goodbye|can not anymore|can not do this anymore) %4(?:coffin|xskull %2xserio)`,
    },

    {
      id: 'en.intent.heading-there',
      kind: 'intent-or-plan',
      pattern: String.raw`(?:going|heading|walking|walk|driving|drive|go) (?:over )?to (?:the |a )?(?:bridge|tracks|train tracks|railroad|overpass|cliff|roof|rooftop|quarry|river|lake|dam|parking garage|top floor) (?:\S+ ){0,6}(?:after this|tonight|now|later|when|before (?:anyone|everyone)|so i can|to end|and end|for good)|(?:before (?:anyone|everyone) (?:is )?(?:up|awake|home)) (?:\S+ ){0,4}(?:walk|go|drive|head) to (?:the )?(?:tracks|bridge|river|roof)|(?:tried|attempted) %2(?:again )?(?:last night|yesterday|this morning|earlier|on (?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)) (?:\S+ ){0,6}(?:did not work|failed|woke up|still here|survived|did not die)|(?:final|last) (?:text|message|call) (?:ever|from me)?(?= \.|$)|made my peace|(?:only|one) (?:\S+ ){0,2}(?:exit|way out|option|door) (?:\S+ ){0,4}(?:take it|taking it|going to take)|(?:meet|meeting|greet|greeting) the (?:\S+ ){0,2}(?:express|train|freight|amtrak|subway) (?:\S+ ){0,3}head on|not as a passenger|(?:everything is|it is all|all) (?:set|ready|arranged|planned) for (?:tomorrow|tonight|\S+day|the morning) (?:\S+ ){0,8}(?:calm|at peace|relieved|finally)|(?:gave|giving|left) (?:\S+ ){0,6}(?:dog|cat|pets?|kids|stuff|things) (?:\S+ ){0,12}(?:it is not|it isnt|that was a lie|but it is not)(?= \.|$)|(?:pray|hope|wish) (?:\S+ ){0,4}(?:stops? working|does not work|fails|comes back) (?:\S+ ){0,3}so i can (?:stop|die|go|rest|be done)|with (?:the |my |a |his |dad s )?(?:rifle|gun|shotgun|pistol) (?:across|in|on) my (?:knees|lap|hands|mouth)|goodbye (?:xserio|for good|forever)|(?:the )?last (?:ones?|person|people) i (?:talk|talked|speak|spoke|text|texted|call|called) to|(?:do not|never) let (?:\S+ ){0,3}(?:be the one (?:to|who) )?finds? me|be the one (?:to|who) finds? me|(?:have|got|has) (?:the |my |a )?(?:blade|razor|knife|lighter|pills) (?:out|ready|in my hand|in hand) (?:\S+ ){0,6}(?:about to|going to|start|cut|talk me down|stop me)|i am (?:ending it|ending my life|killing myself|taking my life)(?! with)(?= \.|$| \S+day| this| tonight| tomorrow| today| soon| on| after| when| at)|(?:this week|tonight|tomorrow|today|this weekend|soon) (?:\S+ ){0,2}i am (?:ending it|doing it|finishing it|going)(?= \.|$)|going to do it (?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|this weekend|when (?:my|everyone|they|he|she)|after (?:work|school|they|everyone))|nothing (?:left )?to lose (?:\S+ ){0,6}(?:going to stop|stopping|ending|end it|i am done)|(?:the |my )?plan is (?:set|ready|made|in place|done|final)|i am (?:doing|going to do) it (?:at \d+|tonight|at midnight)|(?:decided|made up my mind) (?:\S+ ){0,4}(?:not (?:living|going to live|going to make it|surviving)|i am not (?:going to )?(?:live|living|stay|staying))|not (?:living|going to live|surviving) (?:through )?another (?:winter|year|christmas|month|summer)|(?:trying|tried) to (?:end it|kill myself|end my life|hang myself) (?:\S+ ){0,3}(?:two|three|a few|\d+|couple of) (?:days|weeks) ago|(?:told|said|telling) (?:\S+ ){0,4}(?:it was an accident|accident) (?:\S+ ){0,3}(?:it was not|was not|it wasnt)|passwords? (?:\S+ ){0,12}(?:i am done|goodbye|bye|just in case|when i am gone)|i am (?:just )?(?:finishing|going to finish) it(?= \.|$)|(?:attempt|tried) (?:\S+ ){0,10}(?:did not work|failed) (?:\S+ ){0,10}(?:try again|another try|next time)|(?:\d+ (?:days?|weeks?|months?) clean|my streak) (?:\S+ ){0,6}(?:broke it|broke|relapsed|ended|lost it)|blood (?:on|all over) (?:my )?(?:sheets|bed|floor|arm|arms|hands|legs)|(?:notes?|letters?) (?:are |is )?(?:all )?(?:written|done|finished|ready)`,
    },
    {
      id: 'en.means.checking',
      kind: 'means-or-method',
      pattern: String.raw`(?:belt|rope|cord|sheet|scarf) %4(?:strong enough|hold (?:me|my weight)|long enough|hold a person)|(?:tallest|highest) (?:bridge|building|cliff|parking garage|overpass|tower|structure)|roof (?:access|door) %4(?:unlocked|open|does not lock|locked)|(?:does not|doesnt) lock the roof|(?:body|bodies) %4(?:be found|found|discovered|start to smell)|(?:someone|a person|me) to be found|before (?:anyone|someone|somebody) (?:finds|found|notices) me|(?:is|are|would) (?:\d+|a bottle|all|the rest) (?:of )?(?:my )?(?:\S+ )?{DRUG_EN} enough|(?:thighs?|arms?|wrists?|legs?) (?:are|is) (?:a mess|cut up|torn up|bleeding)|soaking through|(?:bled|bleeding) through (?:the |my )?(?:towel|bandage|gauze|sheets|jeans|sleeve)`,
    },
    {
      id: 'en.ideation.relief-if-gone',
      kind: 'suicidal-ideation',
      pattern: String.raw`(?:plane|car|bus|train|flight) (?:\S+ ){0,3}(?:went|goes|would go|crashed|crashes|went down|goes down) (?:\S+ ){0,6}(?:relieved|relief|glad|happy|would not mind|okay with it|fine with it|not mind)|(?:if i (?:died|die|was gone|were gone|did not wake up)) (?:\S+ ){0,5}(?:would not care|would not mind|relieved|relief|fine with it|okay with it|be glad|not mind)|(?:stopped|stop|quit) existing|(?:not going to|will not|not|never going to) (?:stick|be sticking|sticking) around|by the time (?:you|anyone|they|someone|somebody) (?:read|reads|see|sees|get|gets|find|finds) (?:this|these|my)|(?:permanent|eternal|final|forever) (?:peace|rest|quiet|sleep)|(?:nobody|no one) (?:will|would) (?:have to |need to )?(?:deal with|worry about|put up with|bother with) me|if (?:anyone|someone|somebody|they) asks? (?:\S+ ){0,12}(?:bye|goodbye|could not anymore|can not anymore|i am sorry|i loved|i tried)|until (?:i |it )?(?:do not wake up|never wake up|die|am dead|kills me|stop breathing)|(?:fine|better|easier|happier|better off) (?:\S+ ){0,10}if i (?:just )?(?:was not|were not|was no longer|was gone|were gone) (?:around|here|alive|anymore)|(?:point|reason|sense) (?:in|of) (?:sticking around|staying alive|staying|being here|going on|existing)|(?:see|picture) (?:myself|me) (?:\S+ ){0,3}(?:alive|here|around) by (?:summer|spring|winter|fall|christmas|next \S+|the end of \S+|my birthday|\S+day)|(?:cat|dog|pets?|kitten|puppy|fish|bird) (?:\S+ ){0,8}(?:needs?|will need|deserves?) a (?:good |new |loving |forever )?home`,
    },

    {
      id: 'en.others.waiting-armed',
      kind: 'danger-to-others',
      pattern: String.raw`(?:sitting|parked|waiting|standing|outside) (?:\S+ ){0,6}(?:house|place|work|office|school|apartment|job|door) (?:\S+ ){0,4}with (?:my|a|the|his|dad s) (?:gun|pistol|rifle|knife|shotgun|bat)|with (?:my|a|the) (?:gun|pistol|rifle|knife|shotgun) (?:\S+ ){0,4}(?:outside|waiting for|at) (?:his|her|their|my (?:boss|ex)) `,
    },

    {
      id: 'en.others.crowd',
      kind: 'danger-to-others',
      pattern: String.raw`(?:drive|driving|drove|run|running|plow|plowing|ram|ramming) (?:my |the |a )?(?:car |truck )?into (?:the |a )?(?:crowd|people|market|farmers market|parade|protest|school|line)|(?:picture|picturing|imagine|imagining|thinking about|thought about|fantasize about|fantasizing about|urge to|urges to) (?:\S+ ){0,3}(?:driving|running|plowing|shooting|stabbing|hurting|killing) (?:\S+ ){0,4}(?:crowd|people|everyone|them|kids|children|strangers)|(?:bring|bringing|take|taking) (?:something|it|a little something|my \S+) to (?:work|school|class|the office|campus) (?:\S+ ){0,4}(?:handle|handling|take care of|deal with|end|ending|finish|they will see|make them)`,
    },
  ];
  return { idioms: IDIOMS, rules: RULES };
}
