// The console's words in English and Spanish: the English text is the key, so a page reads as it always did
// and a phrase without a Spanish entry is a type error. The language is chosen once per page load.

export type Language = 'en' | 'es';

const LANGUAGE_KEY = 'warmline.language';

/**
 * Spanish for every phrase the console itself writes. `{name}` marks a value filled in by `t`; values from
 * the API (names, numbers, dates) are never translated.
 */
const ES = {
  // Shell: sign-in, navigation, the language switch.
  'Warmline coordinators': 'Coordinación de la línea de apoyo',
  'Sign in with your coordinator account (multi-factor authentication required).':
    'Inicie sesión con su cuenta de coordinación (se requiere autenticación de varios factores).',
  'Sign in': 'Iniciar sesión',
  'Sign out': 'Cerrar sesión',
  'sign-in failed': 'no se pudo iniciar sesión',
  'Local development sign-in: no password, the same checks as the deployed API.':
    'Inicio de sesión de desarrollo local: sin contraseña, con las mismas comprobaciones que la API desplegada.',
  Email: 'Correo electrónico',
  Menu: 'Menú',
  'Console pages': 'Páginas de la consola',
  'Skip to content': 'Ir al contenido',
  Language: 'Idioma',
  'Live board': 'Panel en vivo',
  Volunteers: 'Voluntarios',
  Roster: 'Turnos',
  Reports: 'Informes',
  'Blocked callers': 'Personas bloqueadas',
  Settings: 'Configuración',
  'Audit log': 'Registro de cambios',

  // Forms and errors shared by every page.
  'Check {label}.': 'Revise {label}.',
  'the marked field': 'el campo marcado',
  'Row {row}, {path}: {message}': 'Fila {row}, {path}: {message}',
  CSV: 'CSV',
  'Import checks every row first: one bad row and nothing is applied.':
    'La importación revisa primero todas las filas: si una está mal, no se aplica nada.',
  'CSV file': 'Archivo CSV',
  Remove: 'Quitar',

  // Live board.
  'Updated {time} · refreshes every few seconds':
    'Actualizado a las {time} · se actualiza cada pocos segundos',
  'The line is closed.': 'La línea está cerrada.',
  'The line is open and staffed.': 'La línea está abierta y atendida.',
  'The line is open but nobody is on shift.': 'La línea está abierta pero no hay nadie de turno.',
  'Everyone on shift is paused after missed calls: callers hear the crisis number until one texts ON.':
    'Todas las personas de turno están en pausa por llamadas perdidas: quien llama oye el número de crisis hasta que alguien escriba ON.',
  Waiting: 'En espera',
  'Nobody is waiting.': 'No hay nadie esperando.',
  Channel: 'Canal',
  Languages: 'Idiomas',
  'Longest wait': 'Espera más larga',
  'Flagged (offered first)': 'Señalados (se ofrecen primero)',
  'On shift': 'De turno',
  'Nobody is on shift.': 'No hay nadie de turno.',
  Volunteer: 'Voluntario',
  Doing: 'Actividad',
  Texts: 'Mensajes',
  Rostered: 'En el turno',
  yes: 'sí',
  'by text': 'por mensaje',
  'Live contacts': 'Contactos en curso',
  'No live contacts.': 'No hay contactos en curso.',
  ' with {name}': ' con {name}',
  'ref {reference}': 'ref. {reference}',
  'Listen in': 'Escuchar',
  'Read along': 'Leer en vivo',
  'Reading along: conversation {reference}': 'Leyendo en vivo: conversación {reference}',
  'No messages since you started reading along.': 'No hay mensajes desde que empezó a leer.',
  Texter: 'Quien escribe',
  Peer: 'Voluntario',
  'The conversation has ended; the line keeps none of its messages.':
    'La conversación terminó; la línea no guarda ninguno de sus mensajes.',
  Coach: 'Acompañar',
  'Mark a volunteer as a supervisor on the Volunteers page to listen in on calls.':
    'Marque a un voluntario como supervisor en la página Voluntarios para poder escuchar llamadas.',
  'Supervisor the line calls to listen in or coach':
    'Supervisor al que llama la línea para escuchar o acompañar',
  'Calling the supervisor to coach on call {reference}: only the volunteer will hear them.':
    'Llamando al supervisor para acompañar la llamada {reference}: solo lo oirá el voluntario.',
  'Calling the supervisor to listen in on call {reference}: nobody will hear them.':
    'Llamando al supervisor para escuchar la llamada {reference}: nadie lo oirá.',
  supervisor: 'supervisor',
  'Supervisor: may listen in on and coach live calls, and is asked when a volunteer texts SUPPORT':
    'Supervisor: puede escuchar y acompañar llamadas en curso, y se le avisa cuando un voluntario envía SUPPORT',
  'Supervisors may listen in on live calls and be asked for SUPPORT':
    'Los supervisores pueden escuchar llamadas en curso y recibir avisos de SUPPORT',
  'Supervisors may also coach (heard by the volunteer only)':
    'Los supervisores también pueden acompañar (solo los oye el voluntario)',
  available: 'disponible',
  offered: 'con una oferta',
  'on a contact': 'en un contacto',
  'wrapping up': 'cerrando',
  paused: 'en pausa',
  hopelessness: 'desesperanza',
  'feeling like a burden': 'sentirse una carga',
  'talk of death': 'habla de la muerte',
  'talk of self-harm': 'habla de autolesionarse',
  'deep distress': 'angustia profunda',
  ' · flagged: {concern}': ' · señalado: {concern}',

  // Volunteers.
  'No volunteers yet.': 'Todavía no hay voluntarios.',
  '{count} volunteers': '{count} voluntarios',
  Name: 'Nombre',
  Phone: 'Teléfono',
  'Texts at once': 'Mensajes a la vez',
  Status: 'Estado',
  Actions: 'Acciones',
  inactive: 'inactivo',
  'on shift': 'de turno',
  'off shift': 'fuera de turno',
  'Edit {name}': 'Editar a {name}',
  'Deactivate {name}': 'Desactivar a {name}',
  'Deactivate {name}? They will no longer be offered calls or texts.':
    '¿Desactivar a {name}? Ya no se le ofrecerán llamadas ni mensajes.',
  'Add a volunteer': 'Añadir un voluntario',
  'Add volunteer': 'Añadir voluntario',
  'Save changes': 'Guardar cambios',
  'Phone (stored encrypted; shown masked)': 'Teléfono (se guarda cifrado; se muestra oculto)',
  English: 'Inglés',
  Spanish: 'Español',
  'Text conversations at once': 'Conversaciones por mensaje a la vez',
  Notes: 'Notas',
  '{masked} (leave empty to keep)': '{masked} (déjelo vacío para conservarlo)',
  'Import volunteers': 'Importar voluntarios',
  'Export volunteers': 'Exportar voluntarios',
  'Imported: {created} added, {updated} updated.': 'Importado: {created} añadidos, {updated} actualizados.',

  // Roster and dated changes.
  Monday: 'Lunes',
  Tuesday: 'Martes',
  Wednesday: 'Miércoles',
  Thursday: 'Jueves',
  Friday: 'Viernes',
  Saturday: 'Sábado',
  Sunday: 'Domingo',
  'Weekly roster ({timeZone}); shaded cells: open hours nobody covers in the next 7 days':
    'Turnos semanales ({timeZone}); celdas sombreadas: horas abiertas que nadie cubre en los próximos 7 días',
  Hour: 'Hora',
  'coverage gap': 'hueco sin cubrir',
  gap: 'hueco',
  Shifts: 'Turnos',
  'No shifts yet.': 'Todavía no hay turnos.',
  Move: 'Mover',
  "Remove {name}'s {day} {start}–{end} shift from the weekly roster?":
    '¿Quitar el turno de {name} del {day} {start}–{end} de los turnos semanales?',
  'Nobody is rostered right now.': 'No hay nadie en el turno ahora.',
  'Rostered now: {names}': 'En el turno ahora: {names}',
  'Import shifts': 'Importar turnos',
  'Export shifts': 'Exportar turnos',
  'Imported: {count} weekly shifts; the file replaced the weekly roster.':
    'Importado: {count} turnos semanales; el archivo reemplazó los turnos semanales.',
  'Add shift': 'Añadir turno',
  'Move shift': 'Mover turno',
  'Add or move a shift': 'Añadir o mover un turno',
  Day: 'Día',
  Starts: 'Empieza',
  'Ends (before the start: overnight)': 'Termina (antes del inicio: de noche)',
  'Someone covers a shift': 'Alguien cubre un turno',
  'A shift is off that day': 'Un turno no se hace ese día',
  'Two shifts swap holders': 'Dos turnos intercambian responsables',
  'An extra one-off shift': 'Un turno extra puntual',
  '{date}: {name} covers {shift}': '{date}: {name} cubre {shift}',
  '{date}: {shift} is off': '{date}: {shift} no se hace',
  '{firstDate} {first} swaps with {secondDate} {second}':
    '{firstDate} {first} se intercambia con {secondDate} {second}',
  '{date}: extra shift for {name}, {start}–{end}': '{date}: turno extra para {name}, {start}–{end}',
  'Remove this dated change? {change}': '¿Quitar este cambio con fecha? {change}',
  'No dated changes.': 'No hay cambios con fecha.',
  'Dated changes': 'Cambios con fecha',
  'The next 7 days, changes applied': 'Los próximos 7 días, con los cambios aplicados',
  'Nobody is rostered in the next 7 days.': 'No hay nadie en el turno en los próximos 7 días.',
  ' (extra)': ' (extra)',
  Shift: 'Turno',
  Date: 'Fecha',
  Who: 'Quién',
  From: 'Desde',
  'To (before “from”: overnight)': 'Hasta (antes de «desde»: de noche)',
  'Swap with shift': 'Intercambiar con el turno',
  'on date': 'en la fecha',
  Change: 'Cambio',
  'Add dated change': 'Añadir cambio con fecha',

  // Reports.
  'Talked with a volunteer': 'Habló con un voluntario',
  'Asked for a text back': 'Pidió que le escribieran',
  'Handed to the crisis line': 'Pasado a la línea de crisis',
  'Hung up while waiting': 'Colgó mientras esperaba',
  'Waited too long: overflow': 'Esperó demasiado: desbordamiento',
  'Nobody was on shift': 'No había nadie de turno',
  'Nobody was free in time: told so': 'Nadie estuvo libre a tiempo: se le avisó',
  'Could not be texted back': 'No se le pudo escribir',
  'Outside opening hours': 'Fuera del horario de atención',
  'Blocked caller': 'Persona bloqueada',
  'Still going': 'Sigue en curso',
  'The caller pressed 9': 'La persona que llamó pulsó 9',
  'What the caller said': 'Lo que dijo la persona que llamó',
  'What the texter wrote': 'Lo que escribió la persona por mensaje',
  'A volunteer escalated': 'Un voluntario lo escaló',
  Calls: 'Llamadas',
  'Last 7 days': 'Últimos 7 días',
  'Last 30 days': 'Últimos 30 días',
  'Last 90 days': 'Últimos 90 días',
  'Last 12 months': 'Últimos 12 meses',
  'wk {date}': 'sem. {date}',
  Mon: 'Lun',
  Tue: 'Mar',
  Wed: 'Mié',
  Thu: 'Jue',
  Fri: 'Vie',
  Sat: 'Sáb',
  Sun: 'Dom',
  'Date presets': 'Intervalos predefinidos',
  To: 'Hasta',
  'Show report': 'Ver informe',
  'Export CSV': 'Exportar CSV',
  'Export contacts CSV': 'Exportar contactos en CSV',
  Contacts: 'Contactos',
  Answered: 'Atendidos',
  'Answer rate': 'Tasa de atención',
  Abandoned: 'Abandonados',
  Abandonment: 'Abandono',
  'Average wait': 'Espera media',
  '90th-percentile wait': 'Espera del percentil 90',
  Escalations: 'Escalados',
  Callers: 'Personas',
  'Repeat callers': 'Personas que repiten',
  'Rostered volunteer-hours': 'Horas de voluntariado en turno',
  'Contacts per rostered hour': 'Contactos por hora en turno',
  '{from} to {to}, {timeZone}': 'Del {from} al {to}, {timeZone}',
  'Contacts by channel and outcome': 'Contactos por canal y resultado',
  'Escalations by trigger': 'Escalados por motivo',
  'None in this range.': 'Ninguno en este intervalo.',
  'Contacts by day and outcome': 'Contactos por día y resultado',
  'Contacts by week and outcome': 'Contactos por semana y resultado',
  'No contacts in this range.': 'No hay contactos en este intervalo.',
  '{count} contacts from {from} to {to}, by day: {outcomes}.':
    '{count} contactos del {from} al {to}, por día: {outcomes}.',
  '{count} contacts from {from} to {to}, by week: {outcomes}.':
    '{count} contactos del {from} al {to}, por semana: {outcomes}.',
  'Answer rate and waits by day': 'Tasa de atención y esperas por día',
  'Answer rate and waits by week': 'Tasa de atención y esperas por semana',
  'Nobody was queued in this range.': 'Nadie esperó en este intervalo.',
  'Answered, of those who waited': 'Atendidos, de quienes esperaron',
  'Answer rate by day; {rate} over the range.': 'Tasa de atención por día; {rate} en todo el intervalo.',
  'Answer rate by week; {rate} over the range.': 'Tasa de atención por semana; {rate} en todo el intervalo.',
  'Half waited less than (median)': 'La mitad esperó menos de (mediana)',
  '9 in 10 waited less than': '9 de cada 10 esperaron menos de',
  'Waits for a volunteer by day, in seconds; over the range 9 in 10 waited under {wait}.':
    'Esperas para un voluntario por día, en segundos; en todo el intervalo 9 de cada 10 esperaron menos de {wait}.',
  'Waits for a volunteer by week, in seconds; over the range 9 in 10 waited under {wait}.':
    'Esperas para un voluntario por semana, en segundos; en todo el intervalo 9 de cada 10 esperaron menos de {wait}.',
  'When people reach out, and who was rostered': 'Cuándo se comunica la gente y quién estaba de turno',
  'Each hour of the week: contacts started (darker is busier) and volunteer-hours rostered. Outlined: people reached out and nobody was rostered.':
    'Cada hora de la semana: contactos iniciados (más oscuro, más actividad) y horas de voluntariado en turno. Con borde: hubo contactos y nadie estaba de turno.',
  '1 contact': '1 contacto',
  '{count} contacts': '{count} contactos',
  '{hours} h rostered': '{hours} h en turno',

  // Blocked callers.
  'Reason (kept in the audit log)': 'Motivo (se guarda en el registro de cambios)',
  'Nobody is blocked.': 'No hay nadie bloqueado.',
  'From contact {contact}, {when} by {who}': 'Desde el contacto {contact}, {when}, por {who}',
  Unblock: 'Desbloquear',
  'No contacts in the last 30 days.': 'No hay contactos en los últimos 30 días.',
  When: 'Cuándo',
  Outcome: 'Resultado',
  Wait: 'Espera',
  Repeat: 'Repeticiones',
  live: 'en curso',
  'Block this caller? The line will stop putting their calls and texts through until someone unblocks them.':
    '¿Bloquear a esta persona? La línea dejará de pasar sus llamadas y mensajes hasta que alguien la desbloquee.',
  'Block this caller': 'Bloquear a esta persona',
  Blocked: 'Bloqueadas',
  'Recent contacts': 'Contactos recientes',

  // Settings.
  'Crisis line number (callers)': 'Número de la línea de crisis (llamadas)',
  'Crisis text number (texters)': 'Número de mensajes de crisis (mensajes)',
  'On-call clinician number': 'Número del clínico de guardia',
  'Volunteers rung at once': 'Voluntarios a los que se llama a la vez',
  'Seconds a volunteer is rung': 'Segundos que suena el teléfono de un voluntario',
  'Seconds to press 1 after the whisper': 'Segundos para pulsar 1 después del aviso',
  'Longest wait before the overflow (seconds)': 'Espera máxima antes del desbordamiento (segundos)',
  'Missed offers before a volunteer is paused': 'Ofertas perdidas antes de pausar a un voluntario',
  'Wrap-up after a call (seconds)': 'Cierre después de una llamada (segundos)',
  'Seconds between hold messages': 'Segundos entre mensajes de espera',
  'Minutes before a quiet text conversation closes':
    'Minutos antes de cerrar una conversación por mensaje sin actividad',
  'Minutes a text or text-back request waits for a peer':
    'Minutos que un mensaje o una petición de respuesta por texto espera a un voluntario',
  'Shift reminder lead time (minutes)': 'Antelación del recordatorio de turno (minutos)',
  'Hours a clinician call-back reference stays valid':
    'Horas que sigue siendo válida una referencia de devolución de llamada del clínico',
  'Ask callers how they are doing (speech intake)':
    'Preguntar a quienes llaman cómo están (entrevista por voz)',
  'Volunteers may text ON outside their rostered shifts':
    'Los voluntarios pueden enviar ON fuera de sus turnos',
  'Waiting for a second coordinator: {who} proposed changing the {fields} on {when}.':
    'Falta una segunda persona coordinadora: {who} propuso cambiar {fields} el {when}.',
  'You proposed this change, so another coordinator must confirm it.':
    'Usted propuso este cambio, así que otra persona coordinadora debe confirmarlo.',
  'Could not confirm the change.': 'No se pudo confirmar el cambio.',
  'Confirm this change': 'Confirmar este cambio',
  // The routing fields a proposal names (flows/admin/routing-change.ts), as the API writes them.
  'crisis number': 'el número de la línea de crisis',
  'crisis text number': 'el número de mensajes de crisis',
  'clinician number': 'el número del clínico de guardia',
  'partner line': 'la línea asociada',
  'Change waiting for confirmation': 'Cambio pendiente de confirmación',
  'Timezone (shifts, hours and reports use its local time)':
    'Zona horaria (los turnos, el horario y los informes usan su hora local)',
  'Saved as a proposal: a change to the {fields} takes effect only when another coordinator confirms it. Every coordinator has been texted.':
    'Guardado como propuesta: un cambio en {fields} solo se aplica cuando otra persona coordinadora lo confirma. Se ha enviado un mensaje a todas las personas coordinadoras.',
  'Settings saved.': 'Configuración guardada.',
  'Nothing changed.': 'No ha cambiado nada.',
  'Someone else changed the settings since you opened them. Reload the page to see theirs.':
    'Otra persona cambió la configuración desde que la abrió. Vuelva a cargar la página para ver sus cambios.',
  'Line number: {number} (set at deployment)': 'Número de la línea: {number} (se fija al desplegar)',
  'Save settings': 'Guardar configuración',
  'Line name': 'Nombre de la línea',
  Greeting: 'Saludo',
  'Leave empty for the standard welcome. Callers always hear that this is a peer line, not a crisis line, and how to reach the crisis line.':
    'Déjelo vacío para la bienvenida de siempre. Quien llama oye siempre que esta es una línea de apoyo entre pares, no una línea de crisis, y cómo llegar a la línea de crisis.',
  'Greeting (English)': 'Saludo (inglés)',
  'Greeting (Spanish)': 'Saludo (español)',
  '1 to 5': 'Del 1 al 5',
  'Yes or no': 'Sí o no',
  'Question {n}': 'Pregunta {n}',
  'Question id (kept when the wording changes)':
    'Identificador de la pregunta (se mantiene al cambiar el texto)',
  Answer: 'Respuesta',
  'Intro, sent with the first question': 'Introducción, enviada con la primera pregunta',
  'Thanks, sent after the last answer': 'Agradecimiento, enviado tras la última respuesta',
  'Survey after a text conversation': 'Encuesta después de una conversación por texto',
  'Off unless you turn it on. Sent once, right after a conversation the peer ends or that closes quietly; never after STOP or an escalation. Answers are kept by contact only, never with a number, and reports show a question only once five people have answered it.':
    'Desactivada salvo que la active. Se envía una vez, justo después de una conversación que termina el voluntario o que se cierra por inactividad; nunca tras STOP ni tras una derivación. Las respuestas se guardan solo por contacto, nunca con un número, y los informes muestran una pregunta solo cuando cinco personas la han respondido.',
  'Too few answers to show (fewer than {min}).': 'Muy pocas respuestas para mostrarlas (menos de {min}).',
  '{count} answers: {yes} yes, {no} no': '{count} respuestas: {yes} sí, {no} no',
  '{count} answers, average {mean} of 5; 1 to 5: {spread}':
    '{count} respuestas, media {mean} de 5; del 1 al 5: {spread}',
  'The survey is off; answers from before are shown.':
    'La encuesta está desactivada; se muestran las respuestas anteriores.',
  'Text the survey to texters after their conversation':
    'Enviar la encuesta por texto después de la conversación',
  '{day} (again)': '{day} (otra vez)',
  '{day}: open': '{day}: abierto',
  '{day}: from': '{day}: desde',
  '{day}: to (HH:MM, 24:00 for midnight)': '{day}: hasta (HH:MM, 24:00 para medianoche)',
  'Opening hours': 'Horario de atención',
  'Open around the clock (holidays still close the line)':
    'Abierto las 24 horas (los festivos la línea sigue cerrada)',
  'Weekly hours, in the line’s timezone': 'Horario semanal, en la zona horaria de la línea',
  Open: 'Abierto',
  'Holidays (closed all day)': 'Festivos (cerrado todo el día)',
  'Remove {item}': 'Quitar {item}',
  Holiday: 'Festivo',
  'Add a holiday': 'Añadir un festivo',
  'Coordinator number': 'Número de coordinación',
  'Add a coordinator number': 'Añadir un número de coordinación',
  'Coordinator numbers (texted about escalations and unstaffed hours)':
    'Números de coordinación (reciben mensajes sobre escalados y horas sin atender)',
  'Put them through to a partner line': 'Pasar la llamada a una línea asociada',
  'Offer a text when a volunteer is free': 'Ofrecer un mensaje cuando haya un voluntario libre',
  'Give them the crisis line and other resources': 'Darles la línea de crisis y otros recursos',
  'Partner line number': 'Número de la línea asociada',
  'When nobody answers in time': 'Cuando nadie responde a tiempo',
  'Language of the clinician’s alerts': 'Idioma de los avisos al clínico',
  'Alert language for {number}': 'Idioma de los avisos para {number}',
  'Language of each coordinator’s alerts': 'Idioma de los avisos a cada coordinador',
  'Hold audio (https address of a short clip)': 'Audio de espera (dirección https de un clip corto)',
  'Played between hold messages while callers can still press 1 or 9. Use a clip of 10 seconds or less and give its length below: it is repeated, and a longer file would keep callers past the longest wait.':
    'Suena entre los mensajes de espera y quien llama puede seguir oprimiendo 1 o 9. Use un clip de 10 segundos o menos e indique su duración abajo: se repite, y un archivo más largo retendría a quien llama más allá de la espera máxima.',
  'Length of the hold audio clip (seconds, at most 10)':
    'Duración del clip de espera (segundos, 10 como máximo)',

  // Wrap-up codes (settings and reports).
  'Wrap-up codes': 'Códigos de cierre',
  'After each call or text conversation the volunteer may key or text these codes (never notes). The log keeps the id: reword a label freely; a removed code still counts under its id in reports.':
    'Después de cada llamada o conversación por texto, el voluntario puede marcar o escribir estos códigos (nunca notas). El registro guarda el identificador: cambie las etiquetas cuando quiera; un código quitado sigue contando con su identificador en los informes.',
  'Ask volunteers for wrap-up codes': 'Pedir códigos de cierre a los voluntarios',
  Topics: 'Temas',
  'Referrals (kind of service)': 'Derivaciones (tipo de servicio)',
  'Add a topic': 'Añadir un tema',
  'Add a referral': 'Añadir una derivación',
  Key: 'Tecla',
  'Id (kept in the log)': 'Identificador (se guarda en el registro)',
  '{list} {n}: id': '{list} {n}: identificador',
  '{list} {n}: keypad digit': '{list} {n}: cifra del teclado',
  '{list} {n}: English label': '{list} {n}: etiqueta en inglés',
  '{list} {n}: Spanish label': '{list} {n}: etiqueta en español',
  'Contacts by topic': 'Contactos por tema',
  'Contacts by referral': 'Contactos por derivación',
  '{recorded} contacts with wrap-up codes, {concerns} with a safety concern.':
    '{recorded} contactos con códigos de cierre, {concerns} con preocupación por la seguridad.',
  '{id} (no longer in the list)': '{id} (ya no está en la lista)',
  'No wrap-up codes in this range.': 'No hay códigos de cierre en este intervalo.',
  Code: 'Código',
  Total: 'Total',

  // Audit log.
  'No changes in the last 30 days.': 'No hay cambios en los últimos 30 días.',
  What: 'Qué',
  Target: 'Objeto',
  Summary: 'Resumen',
} as const satisfies Record<string, string>;

export type Phrase = keyof typeof ES;

function storedLanguage(): Language | undefined {
  try {
    const stored = localStorage.getItem(LANGUAGE_KEY);
    return stored === 'en' || stored === 'es' ? stored : undefined;
  } catch {
    return undefined; // storage refused (private mode, policy): fall back to the browser's language
  }
}

/** The coordinator's own choice if they made one, otherwise the browser's language. */
function chooseLanguage(): Language {
  return storedLanguage() ?? (navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en');
}

const current: Language = chooseLanguage();
document.documentElement.lang = current;

export const language = (): Language => current;

/** Remembers the choice and reloads, so every page and table is built again in the new language. */
export function chooseAndReload(next: Language): void {
  if (next === current) return;
  localStorage.setItem(LANGUAGE_KEY, next);
  location.reload();
}

/** The phrase in the console's language, with `{name}` placeholders filled from `values`. */
export function t(phrase: Phrase, values: Record<string, string | number> = {}): string {
  const text: string = current === 'es' ? ES[phrase] : phrase;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** For labels kept in tables typed as plain strings: translated when known, otherwise as written. */
export function translated(text: string): string {
  return text in ES ? t(text as Phrase) : text;
}
