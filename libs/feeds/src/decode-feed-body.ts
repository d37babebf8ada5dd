import { TextDecoder } from 'node:util';
import { WINDOWS_1252_C1 } from './windows-1252';

/**
 * Decodes the body in the charset named by Content-Type, else by the XML declaration, else UTF-8.
 * A byte-order mark wins over both (TextDecoder honours a BOM of its own encoding only, so a
 * UTF-16 BOM is looked for here).
 */
export const decodeFeedBody = (bytes: Uint8Array, contentType: string | null): string => {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const fromDeclaration = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1];
  for (const label of [fromHeader, fromDeclaration]) {
    if (label === undefined) continue;
    const decoder = textDecoder(label);
    if (decoder === null) continue;
    const text = decoder.decode(bytes);
    // WHATWG reads "iso-8859-1", "latin1" and "windows-1252" all as windows-1252; Node 20's
    // TextDecoder decodes them as ISO-8859-1, leaving curly quotes as C1 controls.
    return decoder.encoding === 'windows-1252'
      ? text.replace(/[\u0080-\u009f]/g, (char) =>
          String.fromCodePoint(WINDOWS_1252_C1[char.charCodeAt(0)] ?? char.charCodeAt(0)),
        )
      : text;
  }
  return new TextDecoder('utf-8').decode(bytes);
};

const textDecoder = (label: string): TextDecoder | null => {
  try {
    return new TextDecoder(label);
  } catch (error) {
    // An unknown label: the next source of the charset is tried instead.
    if ((error as NodeJS.ErrnoException).code === 'ERR_ENCODING_NOT_SUPPORTED') return null;
    throw error;
  }
};
