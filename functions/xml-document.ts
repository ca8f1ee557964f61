// A small XML writer for TwiML: elements, attributes and text, escaped the way Twilio's own builders escape them.

export type AttributeValue = string | number | boolean;

export interface XmlElement {
  readonly name: string;
  /** Written in the order given. */
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
  /** Text or child elements; none (or empty text) makes a self-closing tag. */
  readonly content?: string | readonly XmlElement[];
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

// Twilio's builders escape '>' in text but not in attributes, and never escape "'": the values are always
// double-quoted, so the output stays well-formed and matches what Twilio has always been sent.
const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\r': '&#xD;',
};
// A parser normalises raw tabs and newlines inside an attribute to spaces; references keep them.
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
};

// XML 1.0 has no way to carry these, not even as character references: C0 controls other than tab, newline
// and carriage return, unpaired surrogates, U+FFFE and U+FFFF.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const XML_NAME = /^[A-Za-z_][\w.-]*$/;

/**
 * A person's words made writable: what XML cannot carry (a form feed pasted into a text, say) becomes U+FFFD,
 * so relaying the rest never fails on it.
 */
export function xmlWritable(text: string): string {
  return text.replace(new RegExp(NOT_XML_CHAR.source, 'gu'), '\uFFFD');
}

/** Thrown rather than writing a document Twilio would reject; the message never repeats the text. */
export class XmlCharacterError extends Error {
  override readonly name = 'XmlCharacterError';
}

function legal(value: string, where: string): string {
  const found = NOT_XML_CHAR.exec(value);
  if (found) {
    const code = found[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0');
    throw new XmlCharacterError(`U+${code} at index ${found.index} of ${where} cannot be written in XML`);
  }
  return value;
}

function escaped(value: string, escapes: Readonly<Record<string, string>>, where: string): string {
  return legal(value, where).replace(/[&<>"\t\n\r]/g, (char) => escapes[char] ?? char);
}

function checkedName(name: string): string {
  if (!XML_NAME.test(name)) throw new XmlCharacterError(`${JSON.stringify(name)} is not an XML name`);
  return name;
}

function writeElement(element: XmlElement): string {
  const name = checkedName(element.name);
  let tag = `<${name}`;
  for (const [attribute, value] of Object.entries(element.attributes ?? {})) {
    tag += ` ${checkedName(attribute)}="${escaped(String(value), ATTRIBUTE_ESCAPES, `${name}@${attribute}`)}"`;
  }
  const { content = '' } = element;
  const inner =
    typeof content === 'string' ? escaped(content, TEXT_ESCAPES, name) : content.map(writeElement).join('');
  return inner ? `${tag}>${inner}</${name}>` : `${tag}/>`;
}

/** The declaration and the root element, with no whitespace between tags, as Twilio's builders write them. */
export function writeXmlDocument(root: XmlElement): string {
  return XML_DECLARATION + writeElement(root);
}
