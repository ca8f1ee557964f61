// Spanish crisis rules as data, in the same normalised form as rules-en.ts (no accents, ñ read as n).

import type { LanguageRuleSpecs, RuleSpec } from './crisis-types.js';

/** Built when the detector first needs them: String.raw is a call, which a bundler keeps unless it is inside one. */
export function spanishRuleSpecs(): LanguageRuleSpecs {
  const DIE_SELF = String.raw`(?:matarme|suicidarme|quitarme la vida|acabar con (?:mi vida|todo)|terminar con (?:mi vida|todo)|acabo con (?:mi vida|todo)|termino con (?:mi vida|todo)|me mato|me suicido|me quito la vida|matar|suicidar|morir|morirme)`;
  const WHEN = String.raw`(?:hoy|esta noche|manana|este fin(?: de semana)?|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|en la noche|al rato|ahorita|ahora|cuando (?:se duerman|todos duerman|se vayan|me dejen))`;
  const EDGE = String.raw`(?:puente|edificio|techo|azotea|balcon|piso|ventana|cornisa|precipicio|barranco|acantilado|vias|metro|tren|carretera|autopista)`;
  const WEAPON = String.raw`(?:cuchillo|pistola|arma|navaja|machete|rifle|escopeta)`;
  const TARGET = String.raw`(?:lo|la|los|las|le|les)`;
  const VICTIM = String.raw`(?:a|al) (?:mi|mis|su|sus|alguien|todos|todo el mundo|la gente|ese (?:tipo|wey|guey|cabron|vato|hombre|idiota)|esa (?:vieja|mujer|perra|tipa)|el bebe|los ninos|\S+ (?:hijo|hija|bebe))`;

  const IDIOMS: readonly string[] = [
    String.raw`(?:me |se |nos )?(?:muero|muere|mueren|moria|mori|morimos|morir|morirme|morirse|muriendo|muerto|muerta|muertos|muertas|mata|mato|matan|matamos|matando|mataba) (?:de|por) (?:la |el )?(?:risa|hambre|sueno|ganas|calor|frio|verguenza|pena|aburrimiento|sed|envidia|amor|curiosidad|nervios|miedo|cansancio|emocion|ternura|gusto|alegria|felicidad|celos|flojera|cringe|weba|hueva)`,
    String.raw`muero por (?:ver|verte|ir|saber|probar|conocer|que|el|la|los|las|un|una|\S+r)`,
    String.raw`me (?:mata|matan|mato|mataba) (?:el|la|los|las|este|esta|estos|estas|ese|esa|tu|tus)(?! (?:\S+ )?(?:esposo|novio|papa|padre|padrastro|pareja|marido|ex|hermano))`,
    String.raw`(?:chiste|examen|calor|trafico|espera|partido|ejercicio|trabajo|tarea|cancion|pelicula|serie|final|dolor|clase|jefe|gym|entrenamiento|risa|frio|escuela|semana|lunes|profe|maestra|maestro) (?:\S+ )?me (?:mata|matan|mato|mataba|va a matar)`,
    String.raw`me (?:mato|mate|estoy matando|matare) (?:estudiando|trabajando|a trabajar|entrenando|en el gym|haciendo)`,
    String.raw`me (?:mori|muero|mueroo) con (?:ese|este|el|tu|esa|esta|la)`,
    String.raw`(?:matar|matamos|matando|mato) el tiempo`,
    String.raw`(?:se me murio|murio|se murio|esta muerto|esta muerta) (?:el|la|mi) (?:celular|telefono|cel|bateria|compu|laptop|planta|pila)|(?:celular|telefono|planta|bateria|pila|compu|cel) se (?:me )?murio`,
    String.raw`muert[oa]s? (?:despues|tras|de (?:cansancio|sueno|risa|miedo))`,
    String.raw`(?:me|te|nos) (?:va|van) a matar (?:cuando|si|por)`,
    String.raw`(?:tirarme|me tire|me tiro|aventarme|me avente) (?:a|en) (?:la|el) (?:piscina|alberca|cama|playa|mar|rio|agua|sillon)`,
    String.raw`colgar (?:la ropa|el telefono|fotos|la llamada)|me colgaron|saltar (?:la )?(?:cuerda|soga)`,
    String.raw`(?:me )?(?:lastime|queme|golpee|corte) (?:el|la|los|las) \S+ (?:jugando|corriendo|cocinando|entrenando|en el|en la|con la|con el|al)`,
    String.raw`(?:novio|novia|pareja|ex|chavo|chava|morro|morra) (?:\S+ )?me (?:corto|corta|corte|terminó|termino)`,
    String.raw`suicidio (?:colectivo|politico|social)|prevencion del suicidio`,
    String.raw`(?:me )?corte (?:\S+ ){0,4}(?:haciendo|cocinando|picando|preparando) (?:la |el )?(?:cena|comida|desayuno|almuerzo)|(?:nomas|solo) (?:fue )?un rasguno`,
    String.raw`(?:me )?(?:corte|corto|cortaste) (?:con )?(?:una |un |la |el )?(?:hoja(?: de papel)?|papel|lata|cuchillo (?:cocinando|picando))|(?:cocinando|picando) (?:\S+ ){0,3}(?:me )?corte`,
    String.raw`desaparecer (?:unos|un par de|por unos|por un par de|un) (?:dias|horas|semanas|rato|fin de semana|tiempo)`,
    String.raw`(?:se me |me |nos )?(?:corto|corta|cortaron|corte|cortar|cortarme|cortarte|cortarse|cortarle) (?:la |el |las |los )?(?:llamada|luz|agua|internet|senal|linea|cable|pelo|unas|fleco|cabello|gas)`,
  ];

  const RULES: readonly RuleSpec[] = [
    // Sobredosis y emergencia medica.
    {
      id: 'es.overdose.took-many',
      kind: 'overdose-or-medical',
      pattern: String.raw`(?:me tome|tome|me trague|trague|me acabe|me he tomado|tomo|se tomo|se trago|se acabo|me meti|tomamos|acabo de tomar|acabo de tomarme|acabo de tragar|acabo de tragarme|se acaba de tomar) %2(?:todas (?:las|mis)|todos (?:los|mis)|todo el|toda la (?:caja|botella|tira)|un (?:frasco|bote|monton|chingo|puno|punado|tarro|blister)|una (?:caja|botella|tira)|muchas|muchos|demasiadas|demasiados|varias|un monton de|un chingo de|un punado de|{NUM_MANY_ES}|el frasco|la caja|el bote) %4{DRUG_ES}|(?:me tome|tome|se tomo|trague|me trague) (?:las |unas |mis |sus )?{DRUG_ES} de mas|{DRUG_ES} de mas|(?:me tome|tome|se tomo|me trague) (?:todo )?(?:el|un) (?:frasco|bote) (?:entero|completo)?`,
    },
    {
      id: 'es.overdose.sobredosis',
      kind: 'overdose-or-medical',
      pattern: String.raw`(?:tuve|tengo|me di|estoy teniendo|me provoque|me hice|tuvo|tiene|le dio) (?:una )?sobredosis|(?:mezcle|combine|tome|mezclo) %3(?:{DRUG_ES}|\S+) %3con %2(?:alcohol|vodka|tequila|cerveza|vino|ron|whisky|mezcal|alcol|chelas|guaro|aguardiente)`,
    },
    {
      id: 'es.overdose.poison',
      kind: 'overdose-or-medical',
      pattern: String.raw`(?:me tome|tome|me trague|bebi|me bebi|trague|se tomo|tomo) %2(?:el |un |una |la )?(?:cloro|veneno|raticida|lejia|insecticida|anticongelante|limpiador|acido|matarratas|sosa|thiner|tiner|gasolina)`,
    },
    {
      id: 'es.medical.bleeding-unconscious',
      kind: 'overdose-or-medical',
      pattern: String.raw`no (?:para|deja|paro|puedo parar) de sangrar|(?:estoy|me estoy|se esta) desangrando|(?:perdi|pierdo|estoy perdiendo|perdio) mucha sangre|(?:no|ya no) (?:respira|reacciona|despierta|responde)|(?:corte|cortado|cortada) (?:muy |demasiado )?profund[oa]|(?:esta |estoy )?(?:inconsciente|convulsionando)|(?:me esta dando|tengo|estoy teniendo|le esta dando) un (?:infarto|ataque al corazon|derrame)|no puedo respirar %4(?:pastillas|tome|sobredosis|trague)`,
    },

    // Abuso o peligro inmediato.
    {
      id: 'es.abuse.being-hurt',
      kind: 'abuse-or-immediate-danger',
      pattern: String.raw`(?:me esta|me estan|esta|estan) %1(?:pegando|golpeando|ahorcando|asfixiando|lastimando|pateando|violando|tocando|amenazando|siguiendo|persiguiendo|atacando|apunalando|ahogando|acosando|quemando)|me (?:pega|pegan|golpea|golpean|viola|ahorca|patea|abusa|maltrata|lastima|encierra|asfixia|quema)(?= |$)(?! (?:el|la) (?:sol|calor|gripe|gripa))|me tocan?(?= (?:cuando|sin|de noche|por las noches|en las noches|mis|y)|$)|me amenazan?(?= \.| y|$)|me amenaza(?:n|ba|ron|o)? (?:con (?:matarme|matar|lastimarme|golpearme|pegarme|violarme|un cuchillo|una pistola|un arma|quitarme a mis hijos)|de muerte)`,
    },
    {
      id: 'es.abuse.past-assault',
      kind: 'abuse-or-immediate-danger',
      pattern: String.raw`me (?:violo|violaron|golpeo|golpearon|pegaron|ahorco|apunalo|abuso|abusaron|ataco|atacaron|asalto|asaltaron|toco|tocaron|secuestraron|drogaron)(?= |$)|me pego(?! (?:la|el) (?:gripe|gripa|covid|resfriado|sol|cancion))|abuso (?:sexualmente )?de mi|abusa de mi`,
    },
    {
      id: 'es.abuse.threat-to-kill',
      kind: 'abuse-or-immediate-danger',
      weak: true,
      pattern: String.raw`(?:me va a|me van a|me quiere|me quieren|va a|van a|amenaza con|amenazo con|dijo que va a|miedo de que me|miedo que me) %1(?:matarme|matar|lastimarme|golpearme|pegarme|violarme|hacerme dano|mate|lastime|pegue|golpee)(?= |$)`,
    },
    {
      id: 'es.abuse.weapon',
      kind: 'abuse-or-immediate-danger',
      pattern: String.raw`(?:tiene|saco|agarro|trae|con) (?:un|una|el|la|su) ${WEAPON} %3(?:me (?:amenaza|apunta|quiere|va a|esta)|contra mi|apuntandome|amenazandome|y me amenaza)|${WEAPON} (?:en|contra) (?:mi|la) (?:cabeza|cuello|garganta|cara)|me (?:apunta|apunto|esta apuntando) con (?:un|una|el|la|su) ${WEAPON}`,
    },
    {
      id: 'es.abuse.break-in-trapped',
      kind: 'abuse-or-immediate-danger',
      pattern: String.raw`(?:alguien|un hombre|un tipo|un senor|unos tipos|ellos) %2(?:esta|estan|quiere|quieren|trata de|intenta|se quiere) %1(?:entrar|meterse|metiendose|entrando) %2(?:a|en) (?:mi|la) (?:casa|depa|departamento|cuarto|recamara)|(?:se metieron|se metio|entraron|entro alguien) a (?:mi|la) casa|(?:encerrada|encerrado|escondida|escondido|atrapada|atrapado|me escondi|me encerre|me estoy escondiendo) %3(?:en|de) %3(?:bano|cuarto|closet|armario|el|ella|ellos|mi \S+)|me tiene (?:encerrad[oa]|secuestrad[oa]|amenazad[oa])|no me deja(?:n)? salir %5(?:quito|quita|rompio|esconde|escondio|quitaron) (?:el|mi) (?:celular|telefono|cel)|(?:me quito|me rompio|me quitaron) (?:el|mi) (?:celular|telefono|cel) %5no me deja`,
    },

    // Tercera persona en peligro.
    {
      id: 'es.third-party.reflexive',
      kind: 'third-party-danger',
      pattern: String.raw`se (?:quiere|va a|piensa|intento|esta por|quiso|quiera|vaya a) %1(?:matar|suicidar|quitar la vida|cortar|colgar|ahorcar|morir|tirar(?! (?:a la (?:piscina|alberca)|al (?:agua|mar|rio)|en|la (?:basura|toalla))))(?= |$)|(?:suicidarse|matarse|quitarse la vida|ahorcarse|colgarse|cortarse las venas)(?= |$)|se esta (?:cortando|lastimando|haciendo dano|muriendo)|(?:amenaza|amenazo) con (?:suicidarse|matarse|quitarse la vida|tirarse|cortarse)|(?:el|ella|ellos) (?:es|esta) suicida`,
    },

    // Peligro para otros.
    {
      id: 'es.others.attack',
      kind: 'danger-to-others',
      weak: true,
      pattern: String.raw`(?:matar|lastimar|golpear|herir|apunalar|acuchillar|ahorcar|ahogar|balear|disparar|envenenar|sacudir)${TARGET}|${TARGET} (?:voy|vamos|quiero|pienso|podria) (?:a )?(?:matar|lastimar|golpear|herir|clavar|apunalar|disparar|acuchillar|ahorcar|hacer dano|pegar|sacudir)|(?:matar|lastimar|golpear|herir|hacerle dano|hacer dano|danar|apunalar|pegarle|disparar|envenenar|sacudir) ${VICTIM}|(?:voy a|quiero|ganas de|miedo de|siento que voy a) %1(?:hacerle dano|lastimar|matar) a alguien|(?:temo|miedo) por mi vida`,
    },
    {
      id: 'es.others.weapon-to-place',
      kind: 'danger-to-others',
      pattern: String.raw`(?:llevar|traer|llevo|me llevo|voy a llevar) (?:una |un |la |el |mi )?(?:pistola|arma|cuchillo|rifle|bomba) %4(?:a|al) (?:la )?(?:escuela|trabajo|colegio|prepa|secundaria|oficina|iglesia|universidad|fiesta)|(?:hacer que|que) (?:todos|todas|ellos|ellas) (?:me las )?paguen|me las van a pagar`,
    },

    // Medios y metodo.
    {
      id: 'es.means.ready',
      kind: 'means-or-method',
      pattern: String.raw`(?:{DRUG_ES}|soga|cuerda|pistola|arma|cuchillo|navaja|veneno|cuter|cutter|navajas) %3(?:listas?|listos?|preparad[oa]s?|guardad[oa]s?|juntas|en la mano|en mi mano|cargad[oa]|a la mano|aqui conmigo|en la boca|para hacerlo|para matarme|para morir|para suicidarme|para acabar)|(?:juntando|guardando|acumulando|ahorrando|escondiendo|junte|guarde) %2{DRUG_ES}|(?:pistola|arma|cuchillo|navaja) %4en (?:la|mi) mano|{DRUG_ES} %3(?:y|con) (?:una |la )?botella`,
    },
    {
      id: 'es.means.future-overdose',
      kind: 'means-or-method',
      pattern: String.raw`(?:voy a|quiero|pienso|estoy por) (?:tomarme|tragarme|tomar|tragar) %2(?:todas|todos|todo|toda|un monton de|el frasco|la caja|muchas|el bote) %4{DRUG_ES}|(?:formas?|maneras?|como|metodos?) (?:de|para) (?:morir|matarme|suicidarme|quitarme la vida)|(?:buscando|busque|investigando|investigue) %3(?:suicidio|morir|dosis|matarme|suicidarme)|sin dolor (?:para )?(?:morir|matarme)`,
    },
    {
      id: 'es.means.lethal-dose',
      kind: 'means-or-method',
      pattern: String.raw`dosis (?:letal|mortal)|cuant[oa]s (?:\S+ ){0,2}(?:{DRUG_ES}|\S+) %4(?:morir|matar|no despertar|para no|letal|mortal|se necesitan para|hacen falta para)`,
    },
    {
      id: 'es.means.jump',
      kind: 'means-or-method',
      weak: true,
      pattern: String.raw`(?:tirarme|aventarme|lanzarme|arrojarme|saltar|brincar|tirar|aventar|lanzar|me voy a tirar|me tiro|me aviento|me lanzo|me voy a aventar) %3(?:de|del|desde|al|a la|a las|a los|por|frente|enfrente|en) %3${EDGE}|${EDGE} %5(?:saltar|tirarme|aventarme|lanzarme|brincar|caer)|(?:estoy|ando|sigo) (?:en|arriba de|sobre) (?:el |la |un |una )?(?:puente|azotea|techo|cornisa|vias|borde|orilla)(?! con)`,
    },
    {
      id: 'es.means.hanging',
      kind: 'means-or-method',
      pattern: String.raw`ahorcarme|colgarme|me (?:voy a|quiero) (?:ahorcar|colgar)(?= |$)|me ahorco|me cuelgo|(?:soga|cuerda|cinturon) %3(?:al|en el|alrededor del|en mi) cuello|(?:una|la) horca|nudo corredizo`,
    },
    {
      id: 'es.means.cut-shoot',
      kind: 'means-or-method',
      pattern: String.raw`cortarme (?:las )?(?:venas|munecas|cuello)|(?:cortar|abrir|abrirme|cortarme) (?:me )?(?:las )?venas|pegarme un (?:tiro|balazo)|darme un (?:tiro|balazo)|volarme (?:la cabeza|los sesos)|pistola %3(?:en|a|contra) (?:la|mi) cabeza|(?:estrellarme|chocarme|me voy a estrellar|aventarme) %3(?:contra|con|a) %2(?:muro|pared|arbol|poste|camion|trailer|carros|coches|trafico)`,
    },

    // Intencion o plan.
    {
      id: 'es.intent.future',
      kind: 'intent-or-plan',
      pattern: String.raw`(?:voy a|me voy a|ya decidi|decidi|pienso|planeo|estoy por|ya es hora de|${WHEN}) %3${DIE_SELF}(?= |$)|(?:lo hago|lo voy a hacer|me mato|me suicido|acabo con todo|me voy a matar) %2${WHEN}|(?:ya )?(?:tengo|hice|tengo todo listo|elegi|escogi) (?:un |el |mi )?(?:plan|dia|fecha) %3(?:matarme|suicidarme|quitarme la vida|morir|acabar|hacerlo)|me voy a (?:matar|suicidar|morir)(?! de)`,
    },
    {
      id: 'es.intent.note',
      kind: 'intent-or-plan',
      pattern: String.raw`(?:carta|nota) suicida`,
    },

    // Autolesion.
    {
      id: 'es.self-harm.cut',
      kind: 'self-harm',
      pattern: String.raw`(?:cortarme|me corte|me corto|me cortaba|me estoy cortando|me volvi a cortar|me vuelvo a cortar|me he cortado|cortandome|me cortare|me voy a cortar)(?! (?:el|la|los|las|un|una) (?:pelo|cabello|unas|fleco|barba|dedo|mano|cara|pierna|pie|labio|lengua|unas)|(?: con (?:una|un|la|el) (?:hoja|papel|lata|vidrio|cuchillo cocinando)))`,
    },
    {
      id: 'es.self-harm.hurt',
      kind: 'self-harm',
      pattern: String.raw`(?:hacerme|me hago|me hice|me estoy haciendo|haciendome|haciendo me) %1dano(?! (?:en|al) (?:el|la) (?:pie|rodilla|espalda|tobillo))|(?:lastimarme|me lastimo|me lastime|me estoy lastimando|lastimandome|herirme|me hiero|golpearme|me golpeo|me golpee|quemarme|me queme|me quemo|me rasguno|rasgunarme|aranarme|me arano|me muerdo|morderme)(?! (?:con (?:la|el) (?:plancha|estufa|sarten|olla|cafe|sopa|agua|sol|horno)|cocinando|sin querer|por accidente|jugando|en el (?:gym|trabajo)))`,
    },
    {
      id: 'es.self-harm.autolesion',
      kind: 'self-harm',
      pattern: String.raw`(?:me hice|me hago|me estoy haciendo|hacerme) (?:unos |mas |otros )?(?:cortes|cortadas|heridas|quemaduras)|me (?:sigo|estoy|estuve|volvi a|vuelvo a|he estado) (?:cortando|lastimando|quemando|golpeando|autolesionando)|(?:cortes|heridas) (?:nuevos|frescos|nuevas|frescas)|autolesion\S*|auto lesion\S*|me autolesione|(?:recai|recaida|recaer|volvi a) %3(?:cortarme|cortes|autolesion\S*|lastimarme|hacerme dano)|(?:ganas|impulsos?|necesidad) de (?:cortarme|lastimarme|hacerme dano|quemarme|golpearme)`,
    },

    // Despedida.
    {
      id: 'es.farewell.goodbye',
      kind: 'farewell',
      pattern: String.raw`(?:esta es|este es|es) (?:mi )?(?:despedida|ultimo mensaje|ultimo adios)|me despido (?:de todos|de ustedes|para siempre|de ti para siempre|de este mundo|de la vida)|adios (?:para siempre|a todos|mundo|a todo el mundo|cruel mundo)|(?:mi|este es mi|es mi) ultimo (?:mensaje|dia|adios)|despedirme (?:de alguien|de todos|de ti|de ustedes|antes de irme)|carta (?:de )?despedida|mensaje de despedida|perdon(?:en)?(?:me)? por todo %2adios`,
    },
    {
      id: 'es.farewell.gone',
      kind: 'farewell',
      pattern: String.raw`(?:ya no|nunca) (?:me )?(?:van|vas|volveran|volveras|vuelvan) a (?:volver a )?(?:ver|saber de mi)|ya no (?:sabran|sabras|van a saber) (?:nada )?de mi|(?:deje|dejo|tengo|puse|arregle) (?:todo|mis cosas|mis asuntos) en orden|(?:los|las|te) quiero (?:mucho |a todos |a todas )?(?:[^ ]+ ){0,3}(?:perdon|perdonenme|perdoname|adios)|(?:cuando|despues de que|una vez que) (?:ya no )?(?:este|me vaya|me muera|no este|me haya ido)(?= |$)|(?:ya no) (?:voy a estar|estare|voy a seguir aqui)|(?:regale|regalando|voy a regalar|repartir|repartiendo|reparti|les dejo|deje|regalo) %2(?:todas )?mis (?:cosas|pertenencias|mascotas|ahorros)|(?:regale|regalando|deje) (?:a )?mi (?:gato|perro|mascota)|(?:escribi|deje|escribiendo|escribo) %2cartas? %4(?:familia|mama|papa|hijos|todos|despedida|cuando me vaya|para que las lean)|(?:ya no voy a ser|ya no sere|dejare de ser) una carga|cuiden a mi (?:perro|gato|mascota|hijos|mama) %2(?:cuando|por mi|despues)`,
    },

    // Ideacion suicida.
    {
      id: 'es.ideation.tired-of-living',
      kind: 'suicidal-ideation',
      pattern: String.raw`(?:cansad[oa]|harto|harta|agotad[oa]) (?:de|con) (?:vivir|la vida|existir|estar viv[oa]|mi vida|seguir viviendo)|(?:lo )?mejor (?:seria|es|seria que|es que) %2(?:morirme|morir|matarme|desaparecer|no estar|no existir|me muera|estar muert[oa])|(?:gustaria|encantaria|quisiera|deseo|desearia|prefiero|prefiriria) %2(?:no existir|morir|morirme|estar muert[oa]|no despertar|dejar de existir|desaparecer para siempre)|(?:no|ya no) (?:le )?(?:veo|encuentro|tiene|hay) %1sentido %3(?:vivir|viviendo|seguir|la vida|mi vida|existir|estar aqui)|(?:pienso|pensando|imagino|imaginando|planeo) (?:en )?mi (?:propio )?(?:funeral|muerte|suicidio)`,
    },
    {
      id: 'es.ideation.want-to-die',
      kind: 'suicidal-ideation',
      weak: true,
      pattern: String.raw`(?:quiero|quiere|quisiera|quisiere|deseo|desea|ganas de|prefiero|prefiere|solo quiero|necesito|me quiero|se quiere) %2(?:morir|morirme|morirse|estar muert[oa]|dejar de existir|dejar de vivir|no existir|no despertar|desaparecer para siempre|irme de este mundo|ya no estar|matarme|suicidarme|quitarme la vida|acabar con (?:mi vida|todo)|terminar con (?:mi vida|todo))(?= |$)`,
    },
    {
      id: 'es.ideation.not-want-to-live',
      kind: 'suicidal-ideation',
      pattern: String.raw`(?:no|ya no|nunca) (?:quiero|quiere|kiero|deseo|tengo ganas de|tiene ganas de) %1(?:vivir|seguir viviendo|seguir en este mundo|estar vivo|estar viva|existir|despertar|seguir con vida)(?= |$)|ya no (?:quiero|quiere) (?:seguir|estar aqui|estar aca|estar en este mundo)|ya no (?:quiero|puedo) (?:seguir|mas) (?:con la vida|con mi vida|viviendo)`,
    },
    {
      id: 'es.ideation.wish-dead',
      kind: 'suicidal-ideation',
      pattern: String.raw`ojala %2(?:no despertar|no despierte|no despertara|nunca despertar|estuviera muert[oa]|estar muert[oa]|me muera|morirme|me muriera|no haber nacido|nunca haber nacido|desaparecer|no existir|dormirme y no despertar|me pase algo|me atropelle|me atropellara|se acabe todo|ya no estar)|(?:dormir|dormirme|acostarme|cerrar los ojos) %3y (?:no|nunca) (?:volver a )?despertar|quisiera estar muert[oa]|mejor (?:muert[oa]|si me muero|si no estuviera|si yo no existiera)`,
    },
    {
      id: 'es.ideation.better-without-me',
      kind: 'suicidal-ideation',
      pattern: String.raw`(?:estarian|estaria|estaran|estara|vivirian|serian|seria) (?:mejor|mas felices|tranquil[oa]s) %2sin mi|nadie (?:me )?(?:extranaria|extranara|notaria|le importaria|se daria cuenta|se va a dar cuenta) %3(?:si|cuando) (?:me muero|muero|me muera|desaparezco|desapareciera|me voy|no estoy|me mato)`,
    },
    {
      id: 'es.ideation.suicidal',
      kind: 'suicidal-ideation',
      pattern: String.raw`(?:pensamientos|ideas|ideacion|impulsos|ganas|pensamiento) %2suicidas?|pensamientos (?:de |del )?suicid\S*|(?:soy|estoy|me siento|sentirme|ando|me he sentido|sigo) %1suicida|(?:pienso|pensando|pense|pensar|considero|considerando|penso|piensa) %2(?:en )?(?:el )?(?:suicidio|suicidarme|matarme|quitarme la vida|morirme|acabar con (?:mi vida|todo))`,
    },
    {
      id: 'es.ideation.kill-myself',
      kind: 'suicidal-ideation',
      weak: true,
      pattern: String.raw`me (?:quiero|quisiera|voy a|pienso) (?:matar|suicidar)(?= |$)|me mato(?= \.|$| aqui| hoy| esta noche| ya| manana| de una vez)|(?<!(?:va|van|quiere|quieren) a )(?:matarme|suicidarme|quitarme la vida|me suicido|me quito la vida|quitar me la vida)(?= |$)|me (?:mataria|suicidaria)|(?:acabar|terminar|acabo|termino) con (?:mi vida|todo)(?= |$)`,
    },
    {
      id: 'es.ideation.no-reason',
      kind: 'suicidal-ideation',
      pattern: String.raw`(?:no|ya no) vale la pena (?:vivir|seguir)|(?:no|ya no) (?:tiene|tengo) %2(?:sentido|caso|razon|razones|motivo|motivos|para que) %2(?:vivir|seguir viviendo|seguir|existir|estar aqui)|no (?:tengo|hay) (?:nada|nadie) por (?:lo )?que vivir|quiero que (?:todo|esto|mi vida) (?:se acabe|termine|se termine|acabe)|(?:dejar|deje) de existir|desaparecer (?:para siempre|del mundo|de este mundo|de la tierra)|irme de este mundo|no (?:aguanto|puedo) mas %2(?:vivir|con la vida|con mi vida)`,
    },

    // Concept compositions, as in rules-en.ts.
    {
      id: 'es.ideation.exit-for-good',
      kind: 'suicidal-ideation',
      pattern: String.raw`(?:me doy|darme|dar me|me di) de baja (?:de|del) (?:la vida|este mundo|todo)|(?:me quito|quitarme|me quitare|quitar me|voy a quitar|me voy a quitar) (?:del camino|de en medio|del medio)|(?:dormir|irme|estar) con los angelitos|(?:y|para) no (?:volver|regresar|despertar) (?:nunca|jamas)?(?= \.|$| me entiendes| sabes)|(?:reunirme|juntarme|ir a reunirme|estar) con (?:ella|el|mi (?:mama|papa|madre|padre|hijo|hija|esposo|esposa|abuela|abuelo)) (?:\S+ ){0,6}(?:pronto|ya|hora)|ya es hora de (?:irme|ir a reunirme|partir|descansar para siempre)|(?:me voy|irme|me ire|me piro|pirarme|me largo) %2(?:de este mundo|para siempre|al otro barrio|de aqui para siempre)|(?:dormir|dormirme) para siempre|(?:desvivir|desvivirme)|(?:petatear|colgar los tenis|estirar la pata|criar malvas)|se acaba todo|acabar con (?:esto|todo|mi vida)|(?:ya )?(?:tome|tengo tomada) la decision %4(?:acabar|terminar|matarme|irme|quitarme)`,
    },
    {
      id: 'es.ideation.wishing-dead',
      kind: 'suicidal-ideation',
      pattern: String.raw`(?:le pido|pido|le ruego|ruego|rezo|ojala) %4(?:a )?(?:dios|diosito|senor|virgen|cielo)? ?%4(?:que )?(?:ya )?me (?:recoja|lleve|llevara|recogiera|lleva|llame)|(?:dios|diosito|senor) %4me (?:recoja|lleve|llevara|recogiera)|si me (?:muero|muriera|mata) %6(?:mejor|que bueno|me da igual|ojala|ni modo|pues mejor|no me importaria|no me importa|estaria bien|seria un alivio)|ojala %4(?:me (?:muera|muriera|atropelle|atropellen|mate|de algo|diera)|no despertar|no despierte|fuera literal)|tengo ganas de (?:morir|morirme|matarme|quitarme la vida|desaparecer|no existir)`,
    },
    {
      id: 'es.third-party.they-will',
      kind: 'third-party-danger',
      pattern: String.raw`(?:dice|dijo|dicen|me dijo|me ha dicho|escribio|amenaza|amenazo|quiere|va a|se va a|piensa) %4(?:que )?se (?:va a )?(?:tira|tirar|avienta|aventar|mata|matar|suicida|suicidar|cuelga|colgar|ahorca|ahorcar|quita la vida|quitar la vida|pega un tiro|pegar un tiro|dispara|tomar todas)|se (?:tira|avienta|lanza) (?:del|de la|al) (?:puente|edificio|azotea|techo|tren|metro)`,
    },
    {
      id: 'es.others.strike',
      kind: 'danger-to-others',
      pattern: String.raw`le (?:meto|voy a meter|pego|voy a pegar|doy|voy a dar) (?:un |unos )?(?:machetazo|balazo|plomazo|tiro|tiros|cuchillazo|navajazo|puntazo|fierrazo)|(?:voy a|voy a ir a) (?:buscar|matar|quebrar|picar|apunalar) (?:a |al )?(?:ese|esa|el|la|mi) %3(?:ahorita|ahora|hoy|esta noche|cuando)`,
    },
    {
      id: 'es.means.odd-purpose',
      kind: 'means-or-method',
      pattern: String.raw`(?:compre|consegui|tengo|agarre|guarde) %4(?:veneno|matarratas|raticida|soga|cuerda|pistola|arma|pastillas) %8no tengo (?:ratas|ratones|plagas)|(?:ya )?(?:tengo|tengo ya) (?:juntadas|guardadas|listas|contadas|escondidas) (?:las |unas |mis )?(?:pastillas|pastis|pildoras|balas)|(?:se|ya se) donde (?:guarda|esconde|tiene) (?:las balas|la pistola|el arma|la llave)|(?:estoy|ando|aqui) %4(?:en|sobre|arriba de) (?:la |el |las |los )?(?:azotea|puente|vias|vidas del tren|orilla|cornisa|techo del edificio) %8(?:esperando|nomas|solo|pensando|mirando|ahorita|sola|solo|nadie)`,
    },
    {
      id: 'es.attempt.recent',
      kind: 'intent-or-plan',
      pattern: String.raw`(?:intente|intentarlo|lo intente|trate de|me quise (?:colgar|matar|ahorcar|tirar|suicidar|cortar|quitar la vida)|quise (?:matarme|colgarme|ahorcarme|suicidarme|quitarme la vida)) %6(?:ayer|anoche|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|la semana pasada|hace (?:\d+|unos|dos|tres|pocos) dias)|(?:ayer|anoche|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|la semana pasada|hace (?:\d+|unos|dos|tres|pocos|una) (?:dias|semana|semanas)) %6(?:intente|lo intente|trate de|me quise (?:colgar|matar|ahorcar|tirar|suicidar|cortar))|(?:me dieron el alta|sali del hospital) %6(?:intentarlo|intento|intente|sobredosis)`,
    },
    {
      id: 'es.farewell.message-to-pass-on',
      kind: 'farewell',
      pattern: String.raw`(?:dile|diles|diganle|digale|digan|dales|decile|decirle) %4que (?:la |lo |los |las )?(?:quiero|quise|amo|ame|perdone|perdonen|lo intente|intente|siento)|(?:cuiden|cuida|cuidame|cuidenme) (?:a |al )?(?:mi|mis) %2(?:perro|perrito|gato|gatito|hijos|ninos|mama|plantas) %4(?:cuando|por mi|porque|ya no)`,
    },
    {
      id: 'es.self-harm.again',
      kind: 'self-harm',
      pattern: String.raw`(?:me )?(?:volvi a|vuelvo a|otra vez|de nuevo) %2(?:cortar|cortarme|quemar|quemarme|lastimar|lastimarme|rajar)|me (?:queme|corte|raje) %4(?:con|otra vez|de nuevo|los brazos|las piernas|la pierna|el brazo)`,
    },

    {
      id: 'es.ideation.why-stay',
      kind: 'suicidal-ideation',
      pattern: String.raw`(?:que|cual) sentido tiene %2(?:que )?(?:yo )?(?:siga|seguir|sigo|este|estar) %2(?:aqui|viv[oa]|en este mundo|vivo|viva|existiendo)|(?:para que|pa que) (?:sigo|seguir|estoy) %2(?:aqui|viv[oa]|en este mundo|existiendo)|no (?:deberia|debi) (?:estar|seguir) (?:aqui|viv[oa]|en este mundo)|(?:ojala|quisiera que) %3fuera (?:literal|de verdad|en serio)|(?:deje|escribi|dejo|deje escrita) (?:una |la |unas |las )?(?:carta|cartas|nota|notas) (?:\S+ ){0,10}(?:explicado|explicando|perdon|despedida|lo hago|para cuando|cuando me vaya)|(?:pistola|arma) %1cabeza|(?:ataud|xskull) %4(?:adios|para siempre|no puedo mas)|(?:adios|no puedo mas) %4ataud`,
    },

    {
      id: 'es.overdose.took-too-much',
      kind: 'overdose-or-medical',
      pattern: String.raw`(?:me tome|tome|se tomo|me trague|se trago|tomo|me meti|me puse|me inyecte|me aplique|se puso|se inyecto|le di|le dimos|se comio) (?:\S+ ){0,8}(?:dos veces|doble|de mas|demasiad[ao]s?|todas|todo el frasco|un frasco|\d+) (?:\S+ ){0,10}(?:me siento (?:muy )?mal|mareado|mareada|debil|vomit\S*|no puedo respirar|el corazon|me duele el pecho|desmay\S*|no despierta|no reacciona|temblando|sudando|sangr\S*|confundid[oa]|rar[oa]|no respiro|casi no respiro|no puedo respirar)|(?:bebe|nino|nina|hijo|hija|nieto|nieta|nene|nena|hermanito|hermanita|hermano|brother|sister|\d+ anos) (?:\S+ ){0,4}(?:se trago|se tomo|se comio|tomo|trago|comio|se bebio) (?:\S+ ){0,4}(?:pastillas|medicina|medicinas|pildoras|cloro|veneno|vitaminas|jarabe|detergente|gomitas)`,
    },
    {
      id: 'es.ideation.euphemism',
      kind: 'suicidal-ideation',
      pattern: String.raw`(?:platicar|hablar|ver|visitar|conocer) (?:con |a )?san pedro|(?:arregle|arreglando|deje arreglados|tengo arreglados|ya arregle) (?:mis |todos mis )?(?:papeles|asuntos|pendientes|cosas)|no (?:creo|pienso|se si) (?:que )?(?:llegue|llego|voy a llegar) a (?:fin de (?:mes|ano|semana)|manana|navidad|mi cumpleanos|el \S+)|esta vez (?:si )?(?:me voy|lo hago|lo voy a hacer|no fallo|no me fallo)|(?:perro|perrito|gato|gatita|gatito|mascota) (?:\S+ ){0,8}(?:necesita|va a necesitar) (?:un )?(?:buen |nuevo )?hogar`,
    },

    {
      id: 'es.means.which-is-fastest',
      kind: 'means-or-method',
      pattern: String.raw`(?:que|cual|cuales) (?:veneno|pastilla|pastillas|medicina|medicinas|puente|edificio) (?:\S+ ){0,4}(?:mas rapido|rapido|mata|matar|mas alto|no sobrevive|sin dolor) (?:\S+ ){0,4}(?:persona|humano|gente|uno)?`,
    },

    {
      id: 'es.means.fastest-way',
      kind: 'means-or-method',
      pattern: String.raw`(?:forma|manera|modo) (?:mas )?(?:rapida|facil|segura|sin dolor|indolora) de (?:morir|matarme|suicidarme|acabar)|seguro de vida (?:\S+ ){0,6}(?:cobre|cobren|cobrar|para que|reciba|reciban|les toque)`,
    },
  ];
  return { idioms: IDIOMS, rules: RULES };
}
