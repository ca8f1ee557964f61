// Spanish words of the line.
import { QUEUE_AHEAD_CAP } from '../ports.js';
import type { Prompts } from './prompts.js';
import { digitsForSpeech } from './prompts.js';

/** "2 horas", "90 minutos": una espera dicha como la dice la gente. */
const duration = (minutes: number): string =>
  minutes % 60 === 0
    ? `${minutes / 60} hora${minutes === 60 ? '' : 's'}`
    : `${minutes} minuto${minutes === 1 ? '' : 's'}`;

export const spanish: Prompts = {
  welcome: (lineName) => `Hola, gracias por llamar a ${lineName ?? 'la línea de apoyo'}.`,
  peerNotCrisis:
    'Esta es una línea de apoyo entre pares, no una línea de crisis. Hablará con una persona voluntaria capacitada que también ha pasado por momentos difíciles.',
  chooseSpanish: 'Para español, oprima 2.',
  crisisOption: (crisisNumber) =>
    `Si está en peligro o pensando en quitarse la vida, oprima 9 en cualquier momento para comunicarse con la línea de crisis, ${digitsForSpeech(crisisNumber)}.`,
  intakeQuestion: 'Mientras buscamos a una persona voluntaria: en pocas palabras, ¿cómo se siente hoy?',
  holdPosition: (position) =>
    position <= 1
      ? 'Usted es la próxima persona en la fila.'
      : position > QUEUE_AHEAD_CAP
        ? `Hay ${QUEUE_AHEAD_CAP} personas o más antes que usted.`
        : `Hay ${position - 1} ${position === 2 ? 'persona' : 'personas'} antes que usted.`,
  holdReassurance: 'Gracias por esperar. Una persona voluntaria le atenderá en cuanto esté libre.',
  holdOptions:
    'Para seguir esperando, permanezca en la línea. Para recibir un mensaje de texto cuando haya alguien libre, oprima 1. Para la línea de crisis, oprima 9.',
  holdOptionsWithoutTextBack:
    'Para seguir esperando, permanezca en la línea. Para la línea de crisis, oprima 9.',
  textBackConfirmed:
    'Gracias. Le enviaremos un mensaje de texto a este número en cuanto haya alguien libre. Cuídese. Adiós.',
  connecting: 'Una persona voluntaria está lista. Le estamos conectando.',
  callEndedByPeer: 'La persona voluntaria terminó la llamada. Gracias por llamar. Cuídese.',
  thanksForCalling: 'Gracias por llamar a la línea de apoyo. Cuídese.',
  closedNow: (opensAt, crisisNumber) =>
    `La línea de apoyo está cerrada en este momento.${opensAt ? ` Abrimos de nuevo ${opensAt}.` : ''} Si necesita hablar con alguien ahora, la línea de crisis atiende a toda hora en el ${digitsForSpeech(crisisNumber)}.${opensAt ? ' También puede enviar un mensaje de texto a este número: su mensaje esperará, y la primera persona voluntaria libre después de abrir le responderá.' : ''}`,
  unstaffedNow: (crisisNumber, waitMinutes) =>
    `Lo sentimos, no hay personas voluntarias disponibles en este momento. Si necesita hablar con alguien ahora, la línea de crisis atiende a toda hora en el ${digitsForSpeech(crisisNumber)}. También puede enviar un mensaje de texto a este número: su mensaje esperará, y si una persona voluntaria empieza su turno dentro de ${duration(waitMinutes)}, le responderá.`,
  textWhenOpen: 'Oprima 9 ahora para comunicarse con la línea de crisis, o cuelgue para terminar la llamada.',
  blocked: 'Esta línea no puede atender su llamada. Adiós.',
  overflowPartner:
    'Todas las personas voluntarias siguen ocupadas. Le conectamos ahora con una línea asociada.',
  overflowTextBack:
    'Todas las personas voluntarias siguen ocupadas. Le enviaremos un mensaje de texto en cuanto haya alguien libre. Cuídese.',
  overflowResources: (crisisNumber) =>
    `Todas las personas voluntarias siguen ocupadas; lamentamos la espera. Por favor llame más tarde. Si necesita a alguien ahora, la línea de crisis atiende a toda hora en el ${digitsForSpeech(crisisNumber)}.`,
  connectingCrisis: 'Le conectamos ahora con la línea de crisis. Por favor, no cuelgue.',
  peerStillHere: 'La persona voluntaria sigue con usted y vuelve en un momento. Por favor, no cuelgue.',
  crisisTryingBackup:
    'La línea de crisis no contestó. Probamos ahora otra línea de crisis. Por favor, no cuelgue.',
  crisisUnreachable: (crisisNumber, crisisTextNumber) =>
    `Lo sentimos, no pudimos comunicarnos con la línea de crisis. Puede enviar un mensaje de texto al ${digitsForSpeech(crisisTextNumber)} o llamar usted al ${digitsForSpeech(crisisNumber)}. Si está en peligro inmediato, llame al 9 1 1. Oprima 9 para intentar de nuevo, o permanezca en la línea.`,
  crisisCounsellorLeft: (crisisNumber, crisisTextNumber) =>
    `El consejero de crisis dejó la llamada. Para volver a la línea de crisis, oprima 9. También puede enviar un mensaje de texto al ${digitsForSpeech(crisisTextNumber)} o llamar usted al ${digitsForSpeech(crisisNumber)} a cualquier hora. Si está en peligro inmediato, llame al 9 1 1.`,
  partnerUnreachable: 'La línea asociada no contestó.',
  technicalTrouble: (crisisNumber) =>
    `Lo sentimos, la línea tiene un problema técnico. Si necesita ayuda ahora, oprima 9 para la línea de crisis, ${digitsForSpeech(crisisNumber)}. Si no, permanezca en la línea mientras seguimos intentando.`,
  stillTrying: 'Gracias por esperar.',
  troubleGoodbye: (crisisNumber) =>
    `Lo sentimos, todavía no podemos conectarle. Por favor llame de nuevo pronto. Si necesita ayuda ahora, llame a la línea de crisis al ${digitsForSpeech(crisisNumber)}. Adiós.`,
  volunteerTrouble:
    'Lo sentimos, hubo un problema técnico con esta llamada. Ofreceremos la llamada de nuevo. Adiós.',
  escalationNotice: (channel, kind, reference) =>
    `Warmline: ${channel === 'voice' ? 'una llamada' : 'una conversación por texto'} se derivó a la línea de crisis (${kind})${reference ? `, ref ${reference}` : ''}. Por texto no se envían datos de la persona.`,
  lineUnstaffedNotice:
    'Warmline: la línea está abierta pero no hay nadie de turno ahora. Quienes llaman escuchan el número de crisis.',
  lineAllPausedNotice: (volunteers) =>
    `Warmline: ${volunteers === 1 ? 'la persona voluntaria de turno está en pausa' : `las ${volunteers} personas voluntarias de turno están en pausa`} por llamadas perdidas; quien llama oye el número de crisis. Pueden escribir ON para volver a recibir llamadas.`,
  supportUnansweredNotice: (channel, reference) =>
    `Warmline: una persona voluntaria pidió apoyo en ${channel === 'voice' ? 'la llamada' : 'la conversación por texto'} ${reference}, pero no hay supervisión de turno. Se le dijo que no se pudo avisar a nadie.`,
  routingChangeNotice: (confirmed, fields) =>
    confirmed
      ? `Warmline: otro coordinador confirmó el cambio de ${fields.join(', ')}. Rige desde la próxima llamada.`
      : `Warmline: un coordinador propuso cambiar ${fields.join(', ')}. Espera la confirmación de otro coordinador en la consola; si no lo esperaba, revíselo ahora.`,
  volunteerPausedNotice: (missedOffers) =>
    `Warmline: pausamos sus llamadas tras ${missedOffers} ofertas perdidas seguidas. Escriba ON cuando esté listo.`,
  smsCrisisReply: (crisisNumber, crisisTextNumber) =>
    `Parece que podría estar en peligro y merece ayuda ahora mismo. Llame al ${crisisNumber} o escriba al ${crisisTextNumber} para hablar con un consejero de crisis a cualquier hora. Si está en peligro inmediato, llame al 911. Hemos avisado a un clínico de nuestro equipo.`,
  clinicianTextAlert: (reference, kind) =>
    `Warmline CRISIS (texto, ${kind}). Ref ${reference}. Responda CALL ${reference} para conectarse por teléfono a través de la línea.`,
  smsBlocked: 'Warmline: esta línea no puede atender sus mensajes.',
  smsLanguageChanged:
    'Warmline: seguimos en español. Sigue en la fila; un voluntario le escribirá en cuanto esté libre.',
  smsHelp: (crisisNumber) =>
    `Warmline: apoyo entre pares gratuito y confidencial. Responda STOP para no recibir mensajes. En una crisis, llame o escriba al ${crisisNumber}.`,
  smsResumed: 'Warmline: volverá a recibir nuestros mensajes. Escríbanos cuando quiera.',
  smsWelcome: (crisisTextNumber, lineName) =>
    `Hola, esta es ${lineName ?? 'warmline'}: apoyo entre pares por texto, no una línea de crisis. Un voluntario capacitado le escribirá en cuanto esté libre. Responda STOP para no recibir mensajes. En una crisis, llame o escriba al ${crisisTextNumber} a cualquier hora.`,
  smsQueueStatus: (position) =>
    `Gracias, sigue en la fila${position > 1 ? ` (${position > QUEUE_AHEAD_CAP ? `${QUEUE_AHEAD_CAP} o más` : position - 1} antes que usted)` : ' y es la siguiente persona'}. Un voluntario le escribirá en cuanto esté libre.`,
  smsPeerJoined: 'Un voluntario está aquí y ya lee sus mensajes. ¿De qué le gustaría hablar?',
  smsClosedNow: (opensAt, crisisTextNumber) =>
    `Warmline está cerrada ahora.${opensAt ? ` Abrimos de nuevo ${opensAt}. Guardamos su mensaje: el primer voluntario libre después de abrir le escribirá aquí. Responda STOP para no recibir mensajes.` : ''} En una crisis, llame o escriba al ${crisisTextNumber} a cualquier hora.`,
  smsUnstaffed: (crisisTextNumber, waitMinutes) =>
    `Lo sentimos, no hay voluntarios de turno ahora. Guardamos su mensaje: si un voluntario empieza su turno dentro de ${duration(waitMinutes)}, le escribirá aquí. Responda STOP para no recibir mensajes. En una crisis, llame o escriba al ${crisisTextNumber} a cualquier hora.`,
  smsTextBack: (lineName) =>
    `Le escribe ${lineName ?? 'warmline'}. Nos pidió que le escribiéramos: ya hay un voluntario aquí. Responda a este mensaje para hablar. Responda STOP para no recibir mensajes.`,
  smsUnanswered: (crisisTextNumber, textBack, lineName) =>
    `${textBack ? `Le escribe ${lineName ?? 'warmline'}. Nos pidió que le escribiéramos. ` : ''}Lo sentimos: ningún voluntario quedó libre a tiempo, así que cerramos su lugar en la fila. Escríbanos de nuevo cuando quiera. Si necesita a alguien ahora, llame o escriba al ${crisisTextNumber} a cualquier hora; en peligro inmediato, llame al 911.`,
  smsEndedByPeer:
    'Su voluntario terminó esta conversación. Gracias por escribir. Puede escribir cuando quiera para empezar otra.',
  smsInactiveClosed:
    'No hemos sabido de usted en un rato, así que cerramos esta conversación. Cuídese, y escriba cuando quiera.',
  surveyReask: 'Perdone, no lo entendimos. Si quiere responder:',
  smsPassedBack:
    'Su voluntario tuvo que irse. Vuelve a estar en la fila y otro voluntario le escribirá pronto.',
  smsNotDelivered:
    'Warmline: lo sentimos, su último mensaje no llegó a su voluntario. Envíelo de nuevo, por favor.',
  smsTrouble: (crisisNumber, crisisTextNumber) =>
    `Warmline: lo sentimos, no pudimos procesar su mensaje. Escriba de nuevo en unos minutos. Si necesita ayuda ahora, llame al ${crisisNumber} o escriba al ${crisisTextNumber} a cualquier hora.`,
  whisper: (language, waitedSeconds, flagged) =>
    `Llamada de la línea de apoyo, ${language}, esperando ${waitedSeconds < 60 ? `${waitedSeconds} segundos` : `${Math.round(waitedSeconds / 60)} minutos`}.${flagged ? ' Con señales de preocupación: pregunte directamente por su seguridad.' : ''} Oprima 1 para aceptar.`,
  whisperMissed: 'No se oprimió ninguna tecla. Ofreceremos la llamada a otra persona. Adiós.',
  offerGone: 'Esta persona ya no está esperando. Gracias.',
  offerTaken: 'Otra persona voluntaria tomó esta llamada. Gracias por estar disponible.',
  volunteerConnected: 'Está conectado. Oprima asterisco en cualquier momento para ver opciones.',
  volunteerMenu:
    'Opciones. Oprima 1 para añadir la línea de crisis a la llamada. Oprima 2 para volver con la persona. Oprima 3 para terminar la llamada.',
  warmTransferStarted:
    'Añadiendo la línea de crisis. Quédese con la persona hasta que hable el consejero; después puede colgar.',
  warmTransferUnreached:
    'La línea de crisis no se conectó. Vuelve a estar con la persona. Oprima asterisco y luego 1 para intentarlo de nuevo.',
  volunteerCallEnded: (wrapUpSeconds) =>
    `La llamada terminó. Respire un momento. Estará disponible de nuevo en ${wrapUpSeconds} segundos. Gracias.`,
  offerCallerLeft: 'La persona colgó antes de que usted se uniera. Gracias por contestar.',
  offerWrongKey: 'Esa tecla no es una opción: oprima 1 para aceptar.',
  offerWrongKeyLimit: 'Esa tecla no es una opción. Ofreceremos la llamada a otra persona. Adiós.',
  callerLeftCall: (wrapUpSeconds) =>
    `La persona dejó la llamada. Respire un momento. Estará disponible de nuevo en ${wrapUpSeconds} segundos. Gracias.`,
  wrapUpAsk: (topics, referrals) =>
    `Códigos de cierre: temas, asterisco, derivación, asterisco, 1 si tuvo una preocupación por la seguridad o 0 si no, y luego numeral. Solo numeral para omitir. Temas: ${topics}. Derivación: ${referrals}.`,
  wrapUpSaved: 'Códigos guardados. Gracias. Adiós.',
  wrapUpSkipped: 'No se guardaron códigos. Gracias. Adiós.',
  wrapUpNotUnderstood:
    'Un número no estaba en la lista. Marque los códigos de nuevo, u oprima numeral para omitir.',
  wrapUpAlready: 'Ya se guardaron códigos para esta llamada. Gracias. Adiós.',
  wrapUpTextAsk: (tag, topics, referrals) =>
    `[${tag}] Códigos de cierre, si quiere: responda CODES ${tag}, los números de tema, R y el número de derivación, S1 si hubo preocupación por la seguridad o S0 si no, p. ej. CODES ${tag} 1 3 R2 S0. O CODES ${tag} SKIP. Temas: ${topics}. Derivación: ${referrals}.`,
  wrapUpTextSaved: (tag) => `[${tag}] Códigos de cierre guardados. Gracias.`,
  wrapUpTextSkipped: (tag) => `[${tag}] No se guardaron códigos de cierre. Gracias.`,
  wrapUpTextNotUnderstood: (tag, topics, referrals) =>
    `[${tag}] Códigos no guardados: use números de tema, R y un número de derivación, S1 o S0, p. ej. CODES ${tag} 1 3 R2 S0. Temas: ${topics}. Derivación: ${referrals}.`,
  wrapUpTextAlready: (tag) => `[${tag}] Ya se guardaron códigos de cierre para esta conversación.`,
  wrapUpTextNothingDue: (tag) =>
    tag
      ? `Warmline: ninguna conversación terminada [${tag}] espera códigos de cierre.`
      : 'Warmline: ninguna conversación terminada espera códigos de cierre.',
  languageName: { en: 'inglés', es: 'español' },
  spokenNumber: digitsForSpeech,
};
