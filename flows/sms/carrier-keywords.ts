// Carrier keywords (STOP, START, HELP and their synonyms) keep their meaning on every number.
// The opt-out words are Twilio's defaults for long codes (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT,
// REVOKE, OPTOUT). PARAR is not filtered by Twilio by default, but a Spanish texter who sends it means it,
// so the line itself stops writing to them.

export type CarrierKeyword = 'stop' | 'start' | 'help';

const KEYWORDS: Record<string, CarrierKeyword> = {
  stop: 'stop',
  stopall: 'stop',
  unsubscribe: 'stop',
  cancel: 'stop',
  end: 'stop',
  quit: 'stop',
  revoke: 'stop',
  optout: 'stop',
  parar: 'stop',
  start: 'start',
  unstop: 'start',
  yes: 'start',
  help: 'help',
  info: 'help',
};

/** Only a message that is the keyword alone counts, as carriers treat it. */
export function carrierKeyword(body: string): CarrierKeyword | undefined {
  return KEYWORDS[
    body
      .trim()
      .toLowerCase()
      .replace(/[.!]+$/, '')
  ];
}
