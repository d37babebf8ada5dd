import { decodeFeedBody } from './decode-feed-body';

const latin1 = (text: string): Uint8Array => Buffer.from(text, 'latin1');

describe('decodeFeedBody', () => {
  it('decodes UTF-8 by default, dropping a byte-order mark', () => {
    expect(decodeFeedBody(Buffer.from('\uFEFF<rss>Ḥamāh</rss>', 'utf8'), null)).toBe('<rss>Ḥamāh</rss>');
  });

  it('uses the charset of the Content-Type', () => {
    expect(decodeFeedBody(latin1('<rss>Alep\xe9</rss>'), 'application/rss+xml; charset="ISO-8859-1"')).toBe(
      '<rss>Alepé</rss>',
    );
  });

  it("uses the XML declaration's encoding when the Content-Type names none", () => {
    expect(
      decodeFeedBody(latin1("<?xml version='1.0' encoding='windows-1252'?><rss>\x93q\x94</rss>"), 'text/xml'),
    ).toBe("<?xml version='1.0' encoding='windows-1252'?><rss>“q”</rss>");
  });

  it('falls back to UTF-8 for a charset it does not know', () => {
    expect(decodeFeedBody(Buffer.from('<rss>é</rss>', 'utf8'), 'text/xml; charset=klingon')).toBe('<rss>é</rss>');
  });

  it('decodes UTF-16 with a byte-order mark', () => {
    expect(decodeFeedBody(Buffer.from('\uFEFF<rss/>', 'utf16le'), null)).toBe('<rss/>');
  });
});
