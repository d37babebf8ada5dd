import { decodeEntities } from './decode-entities';
import { htmlToLine, htmlToText } from './html-to-text';

describe('htmlToText', () => {
  it.each([
    ['strips tags', '<b>Aleppo</b> <a href="/x">airport</a>', 'Aleppo airport'],
    ['keeps paragraphs apart', '<p>One.</p>\n<p>Two.</p>', 'One.\n\nTwo.'],
    ['keeps a line break', 'One<br>Two<br/>Three', 'One\nTwo\nThree'],
    ['reads a double line break as a paragraph', 'One<br><br />Two', 'One\n\nTwo'],
    [
      'collapses whitespace, including newlines inside a paragraph',
      '<p>  at   least\n\t 20\u00a0killed </p>',
      'at least 20 killed',
    ],
    ['drops scripts and styles', '<style>p{color:red}</style><p>Text</p><script>alert("x<p>")</script>', 'Text'],
    ['drops an unclosed script', '<p>Text</p><script>var a = 1;', 'Text'],
    ['drops comments', 'a<!-- hidden <p> -->b', 'ab'],
    [
      'decodes named and numeric references',
      'Hama &amp; Homs &mdash; &#8220;quote&#x201D; &eacute;',
      'Hama & Homs — “quote” é',
    ],
    ['decodes escaped markup to text, not to tags', '&lt;b&gt;bold&lt;/b&gt;', '<b>bold</b>'],
    ['leaves a lone less-than sign', 'x < 5 and y<3', 'x < 5 and y<3'],
    ['copes with ">" inside an attribute', '<a title="a>b">link</a> text', 'link text'],
    [
      'separates list items and cells',
      '<ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>',
      'one\ntwo\n\na b',
    ],
    [
      'collapses the blank space of nested blocks',
      '<div>\n  <div><p>One</p></div>\n\n  <p>Two</p>\n</div>',
      'One\n\nTwo',
    ],
    ['returns an empty string for markup only', '<p> </p><br>', ''],
  ])('%s', (_name, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('puts everything on one line for a title', () => {
    expect(htmlToLine('Army <em>withdraws</em><br>from Hama')).toBe('Army withdraws from Hama');
  });
});

describe('decodeEntities', () => {
  it.each([
    ['&nbsp;', '\u00a0'],
    ['&yuml;', 'ÿ'],
    ['&#39;', "'"],
    ['&#146;', '’'], // windows-1252, as HTML reads it
    ['&#0;', '\ufffd'],
    ['&#xD800;', '\ufffd'],
    ['&#x110000;', '\ufffd'],
    ['&unknown;', '&unknown;'],
    ['&amp', '&amp'],
    ['&amp;lt;', '&lt;'],
  ])('%s → %s', (encoded, decoded) => {
    expect(decodeEntities(encoded)).toBe(decoded);
  });
});

describe('htmlToText on plain text', () => {
  it('keeps the line breaks of a body with no markup: a subheading stays off the next sentence', () => {
    expect(htmlToText('Fighting spread on Friday.\n5,000 displaced\nThe UN said more had fled.')).toBe(
      'Fighting spread on Friday.\n5,000 displaced\nThe UN said more had fled.',
    );
  });

  it('makes a blank line a paragraph, and still collapses runs of spaces', () => {
    expect(htmlToText('First   paragraph.\r\n\r\n  Second one.')).toBe('First paragraph.\n\nSecond one.');
  });

  it('treats the newlines of a body with markup as spaces, as HTML does', () => {
    expect(htmlToText('<p>One\nline</p>')).toBe('One line');
  });
});
