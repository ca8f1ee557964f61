// A small XML reader for TwiML documents: elements, attributes and text, nothing more is needed.

export interface TwimlNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly TwimlNode[];
  /** The element's own text (for Say, Number, Conference, Redirect, Message ...). */
  readonly text: string;
}

export class TwimlParseError extends Error {
  override readonly name = 'TwimlParseError';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? whole;
  });

/** Parses a TwiML document and checks what Twilio checks: a declaration or nothing before a <Response> root. */
export function parseTwiml(xml: string): TwimlNode {
  const source = xml.replace(/^\uFEFF/, '').trim();
  let at = 0;
  const skipProlog = () => {
    for (;;) {
      const rest = source.slice(at).trimStart();
      at = source.length - rest.length;
      if (rest.startsWith('<?')) at = source.indexOf('?>', at) + 2;
      else if (rest.startsWith('<!--')) at = source.indexOf('-->', at) + 3;
      else return;
    }
  };
  const parseElement = (): TwimlNode => {
    const open = /^<([A-Za-z][\w:-]*)((?:\s+[\w:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(
      source.slice(at),
    );
    if (!open) throw new TwimlParseError(`expected an element at ${at}`);
    at += open[0].length;
    const [, name = '', rawAttrs = '', selfClosing] = open;
    const attrs: Record<string, string> = {};
    for (const match of rawAttrs.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attrs[match[1] ?? ''] = decode(match[2] ?? match[3] ?? '');
    }
    if (selfClosing) return { name, attrs, children: [], text: '' };
    const children: TwimlNode[] = [];
    let text = '';
    for (;;) {
      const next = source.indexOf('<', at);
      if (next === -1) throw new TwimlParseError(`<${name}> is never closed`);
      text += source.slice(at, next);
      at = next;
      if (source.startsWith(`</${name}`, at)) {
        at = source.indexOf('>', at) + 1;
        return { name, attrs, children, text: decode(text).trim() };
      }
      if (source.startsWith('<!--', at)) {
        at = source.indexOf('-->', at) + 3;
        continue;
      }
      children.push(parseElement());
    }
  };
  skipProlog();
  if (!source.startsWith('<', at)) throw new TwimlParseError('text before the root element');
  const root = parseElement();
  if (root.name !== 'Response')
    throw new TwimlParseError(`the root element is <${root.name}>, not <Response>`);
  skipProlog();
  if (at < source.length) throw new TwimlParseError('content after the root element');
  return root;
}
