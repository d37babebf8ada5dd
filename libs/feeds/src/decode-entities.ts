import { WINDOWS_1252_C1 } from './windows-1252';

// Latin-1 supplement, U+00A0…U+00FF, in code point order (HTML 4's ISO 8859-1 entities).
// prettier-ignore
const LATIN_1 = [
  'nbsp', 'iexcl', 'cent', 'pound', 'curren', 'yen', 'brvbar', 'sect', 'uml', 'copy', 'ordf', 'laquo', 'not', 'shy',
  'reg', 'macr', 'deg', 'plusmn', 'sup2', 'sup3', 'acute', 'micro', 'para', 'middot', 'cedil', 'sup1', 'ordm',
  'raquo', 'frac14', 'frac12', 'frac34', 'iquest', 'Agrave', 'Aacute', 'Acirc', 'Atilde', 'Auml', 'Aring', 'AElig',
  'Ccedil', 'Egrave', 'Eacute', 'Ecirc', 'Euml', 'Igrave', 'Iacute', 'Icirc', 'Iuml', 'ETH', 'Ntilde', 'Ograve',
  'Oacute', 'Ocirc', 'Otilde', 'Ouml', 'times', 'Oslash', 'Ugrave', 'Uacute', 'Ucirc', 'Uuml', 'Yacute', 'THORN',
  'szlig', 'agrave', 'aacute', 'acirc', 'atilde', 'auml', 'aring', 'aelig', 'ccedil', 'egrave', 'eacute', 'ecirc',
  'euml', 'igrave', 'iacute', 'icirc', 'iuml', 'eth', 'ntilde', 'ograve', 'oacute', 'ocirc', 'otilde', 'ouml',
  'divide', 'oslash', 'ugrave', 'uacute', 'ucirc', 'uuml', 'yacute', 'thorn', 'yuml',
];

// prettier-ignore
const NAMED: ReadonlyMap<string, string> = new Map<string, string>([
  ['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"],
  ...LATIN_1.map((name, index): [string, string] => [name, String.fromCodePoint(0xa0 + index)]),
  ['OElig', 'Œ'], ['oelig', 'œ'], ['Scaron', 'Š'], ['scaron', 'š'], ['Yuml', 'Ÿ'], ['fnof', 'ƒ'], ['circ', 'ˆ'],
  ['tilde', '˜'], ['ensp', '\u2002'], ['emsp', '\u2003'], ['thinsp', '\u2009'], ['zwnj', '\u200c'], ['zwj', '\u200d'],
  ['lrm', '\u200e'], ['rlm', '\u200f'], ['ndash', '–'], ['mdash', '—'], ['lsquo', '‘'], ['rsquo', '’'], ['sbquo', '‚'],
  ['ldquo', '“'], ['rdquo', '”'], ['bdquo', '„'], ['dagger', '†'], ['Dagger', '‡'], ['bull', '•'], ['hellip', '…'],
  ['permil', '‰'], ['prime', '′'], ['Prime', '″'], ['lsaquo', '‹'], ['rsaquo', '›'], ['oline', '‾'], ['frasl', '⁄'],
  ['euro', '€'], ['trade', '™'], ['larr', '←'], ['uarr', '↑'], ['rarr', '→'], ['darr', '↓'], ['harr', '↔'],
  ['minus', '−'], ['asymp', '≈'], ['ne', '≠'], ['le', '≤'], ['ge', '≥'], ['infin', '∞'], ['deg', '°'],
  ['nbhy', '\u2011'], ['NonBreakingSpace', '\u00a0'], ['hyphen', '‐'], ['dash', '‐'], ['Tab', '\t'], ['NewLine', '\n'],
]);

const codePointText = (codePoint: number): string => {
  // HTML reads these numeric references as windows-1252, as old feeds written in that charset expect.
  const mapped = WINDOWS_1252_C1[codePoint] ?? codePoint;
  const valid = mapped > 0 && mapped <= 0x10ffff && !(mapped >= 0xd800 && mapped <= 0xdfff);
  return valid ? String.fromCodePoint(mapped) : '\ufffd';
};

/**
 * Decodes HTML character references: named (the common set; an unknown name stays as written)
 * and numeric, decimal or hex. A reference needs its semicolon.
 */
export const decodeEntities = (text: string): string =>
  text.replace(
    /&(?:#(\d{1,8})|#[xX]([\da-fA-F]{1,7})|([A-Za-z][A-Za-z\d]{1,31}));/g,
    (whole, decimal?: string, hex?: string, name?: string) => {
      if (decimal !== undefined) return codePointText(Number.parseInt(decimal, 10));
      if (hex !== undefined) return codePointText(Number.parseInt(hex, 16));
      return NAMED.get(name ?? '') ?? whole;
    },
  );
