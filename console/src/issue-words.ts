// The API's errors in the console's language: by their stable code and values, since the API writes English.
// In English the API's own sentence is shown; a code without Spanish words here is a type error.
import type { IssueCode } from '../../flows/admin/issue-codes.js';
import { ApiError, type FieldIssue } from './api.js';
import { language, translated } from './i18n.js';

const ES: Record<IssueCode, string> = {
  invalid: 'no es válido',
  json: 'debe ser JSON',
  required: 'no puede quedar vacío',
  'too-long': 'admite como máximo {max} caracteres',
  'too-small': 'debe ser al menos {limit}',
  'too-big': 'debe ser como máximo {limit}',
  'wrong-type': 'no tiene el tipo esperado',
  'unknown-field': 'tiene un campo que no se reconoce',
  'whole-number': 'debe ser un número entero',
  'whole-number-range': 'debe ser un número entero del {min} al {max}',
  boolean: 'debe ser true o false',
  email: 'debe ser una dirección de correo electrónico',
  version: 'debe ser la versión que leyó por última vez',
  'phone-e164': 'debe ser un número de teléfono E.164, como +15551230000',
  'phone-dialable': 'debe ser un número E.164 o un número corto, como 988',
  'phone-format': 'debe ser un número de teléfono, como +1 202 555 0142 o (202) 555-0142',
  'phone-not-in-use': 'no es un número en uso en su país; revise el prefijo y las cifras',
  'phone-taken': 'ya es el número de otro voluntario',
  'phone-needed': 'un voluntario nuevo necesita su número de teléfono completo',
  'phone-same-as-row': 'es el mismo número que la fila {row}',
  timezone: 'debe ser una zona horaria IANA, como America/New_York',
  time: 'debe ser una hora de 24 horas «HH:MM» entre 00:00 y 23:59',
  'end-time': 'debe ser una hora de 24 horas «HH:MM» entre 00:00 y 24:00',
  'time-range-empty':
    'el fin debe ser distinto del inicio (un fin anterior al inicio sigue por la noche hasta el día siguiente)',
  date: 'debe ser una fecha «AAAA-MM-DD», como 2026-11-26',
  'date-range-order': 'no puede ser anterior a «desde»',
  'date-range-long': 'el intervalo puede abarcar como máximo {days} días',
  weekday: 'debe ser un día de la semana',
  language: 'debe ser un idioma de la línea: en o es',
  'language-unknown': '«{word}» no es un idioma de la línea (en, es)',
  'languages-required': 'debe indicar al menos un idioma',
  markup: 'no puede contener < ni > (solo palabras, sin marcas)',
  'ring-group-min': 'debe llamar al menos a un voluntario',
  'ring-group-max': 'Twilio llama como máximo a {max}',
  'volunteer-unknown': 'ningún voluntario tiene el identificador «{id}»',
  'volunteer-id-format': 'solo admite letras, cifras, - o _ (como máximo 64)',
  'duplicate-row': 'también está en la fila {row}',
  'shift-duplicate-id': 'el identificador de turno «{id}» se usa dos veces',
  'shift-unknown': 'el turno «{id}» no está en los turnos semanales',
  'shift-weekday': 'el {date} es {weekday}, pero ese turno es los {day}',
  'swap-same': 'un intercambio necesita dos turnos distintos',
  'extra-duplicate-id': 'el identificador de turno extra «{id}» ya lo usa otro turno',
  'override-kind': 'el tipo debe ser cancelar, cubrir, intercambiar o extra',
  'csv-empty': 'el archivo está vacío',
  'csv-no-column': 'la cabecera no tiene la columna «{column}»',
  'contact-unknown': 'ningún contacto del registro tiene este identificador',
  'contact-withheld': 'esta persona ocultó su número, así que no hay con qué bloquearla',
  'survey-question-id': 'debe ser un identificador corto de minúsculas, cifras o - (como máximo 32)',
  'survey-question-kind': 'debe ser scale1to5 (del 1 al 5) o yesNo (S o N)',
  'survey-question-count': 'una encuesta necesita 2 o 3 preguntas',
  'survey-question-ids-differ': 'los identificadores de las preguntas deben ser distintos',
  'code-id-format':
    'debe ser un identificador de código: a-z, 0-9 y -, empezando por una letra, como máximo 32',
  'code-key': 'debe ser una sola cifra del teclado, del 0 al 9',
  'code-list-max': 'admite como máximo {max} códigos, una cifra del teclado cada uno',
  'code-duplicate-id': 'el identificador de código «{id}» se usa dos veces',
  'code-duplicate-key': 'la cifra {key} del teclado se usa dos veces',
  conflict: 'Otra persona lo cambió mientras tanto. Revise la versión actual y guarde de nuevo.',
  'not-found': 'No se encontró.',
  'volunteer-exists': 'Ya existe un voluntario con ese identificador.',
  'own-proposal': 'Usted propuso este cambio, así que otra persona coordinadora debe confirmarlo.',
  'no-pending-change': 'No hay ningún cambio pendiente con ese identificador; ya se confirmó o se sustituyó.',
  'supervision-off': 'La escucha y el acompañamiento están desactivados en esta línea. No se llamó a nadie.',
  'coaching-off':
    'El acompañamiento (coach) está desactivado en esta línea; escuchar sí se puede. No se llamó a nadie.',
  'not-supervisor': 'Esa persona no está marcada como supervisora. No se llamó a nadie.',
  'call-not-live': 'Ese contacto ya no está en curso: no se llamó a nadie y no se guarda nada.',
  'call-is-text': 'Es una conversación por texto: léala en el tablero en vivo. No se llamó a nadie.',
  'call-not-connected':
    'Nadie atiende esa llamada todavía; inténtelo cuando esté conectada. No se llamó a nadie.',
  'server-error': 'La solicitud falló de nuestro lado; no se cambió nada más.',
};

const isCode = (code: unknown): code is IssueCode => typeof code === 'string' && code in ES;

/** Weekday names arrive in English ("Tuesday"); the rest of the values are names, ids and numbers. */
function words(code: IssueCode, params: Readonly<Record<string, string>> = {}): string {
  return ES[code].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return name === 'weekday' || name === 'day' ? translated(value).toLowerCase() : value;
  });
}

/** One field's problem, in the console's language. */
export function issueText(issue: FieldIssue): string {
  return language() === 'es' && isCode(issue.code) ? words(issue.code, issue.params) : issue.message;
}

/** A whole request's failure (a conflict, a refusal), in the console's language. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError && language() === 'es' && isCode(error.code)) return words(error.code);
  return error instanceof Error ? error.message : String(error);
}
