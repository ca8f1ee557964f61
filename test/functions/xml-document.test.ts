// The XML writer on its own: what TwiML needs of it beyond matching Twilio's builders.
import { describe, expect, it } from 'vitest';
import { writeXmlDocument, XML_DECLARATION, XmlCharacterError } from '../../functions/xml-document.js';

describe('writeXmlDocument', () => {
  it('writes attributes in the order given, numbers and booleans as their words', () => {
    const xml = writeXmlDocument({
      name: 'Root',
      attributes: { zeta: 1.5, alpha: false, mid: 'm' },
      content: [
        { name: 'Leaf', content: 'x' },
        { name: 'Empty', content: [] },
      ],
    });
    expect(xml).toBe(
      `${XML_DECLARATION}<Root zeta="1.5" alpha="false" mid="m"><Leaf>x</Leaf><Empty/></Root>`,
    );
  });

  it('keeps emoji and accents as they are: the document is UTF-8', () => {
    expect(writeXmlDocument({ name: 'Say', content: 'añade 💛' })).toBe(
      `${XML_DECLARATION}<Say>añade 💛</Say>`,
    );
  });

  it('names where an unwritable character sits, but never repeats the text around it', () => {
    const secret = 'my number is 555 0100';
    const write = () => writeXmlDocument({ name: 'Message', content: `${secret}\u0008` });
    expect(write).toThrow(new XmlCharacterError('U+0008 at index 21 of Message cannot be written in XML'));
  });

  it.each(['', '1st', 'has space', 'x"y', 'Say>'])('refuses %j as an element or attribute name', (name) => {
    expect(() => writeXmlDocument({ name })).toThrow(XmlCharacterError);
    expect(() => writeXmlDocument({ name: 'Say', attributes: { [name]: 'v' } })).toThrow(XmlCharacterError);
  });
});
