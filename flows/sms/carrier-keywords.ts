// Carrier keywords (STOP, START, HELP and their synonyms) keep their meaning on every number.

export type CarrierKeyword = 'stop' | 'start' | 'help';

const KEYWORDS: Record<string, CarrierKeyword> = {
  stop: 'stop',
  stopall: 'stop',
  unsubscribe: 'stop',
  cancel: 'stop',
  end: 'stop',
  quit: 'stop',
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
