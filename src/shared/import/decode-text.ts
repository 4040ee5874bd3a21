/** How a CSV file's bytes were read: UTF-8 (with or without BOM), or the Windows code page Excel uses. */
export type FileEncoding = 'utf-8' | 'windows-1252';

/**
 * Windows-1252's bytes 0x80–0x9F (typographic quotes, dashes, €…), by byte − 0x80. Node's
 * TextDecoder reads the label `windows-1252` as Latin-1, which turns these into control
 * characters, so they are mapped here and both sides read a file the same way. The five
 * bytes Windows-1252 leaves undefined stay as their control character, as in browsers.
 */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * A CSV file's text. UTF-8 first, strictly: a byte sequence that is not UTF-8 is never
 * turned into U+FFFD (a name like "Andr� Sut�dja" would be stored for good). Excel on
 * Windows saves "CSV" in Windows-1252, where every byte is a character, so a file that
 * is not UTF-8 is read that way and the caller tells the user. A BOM is dropped.
 */
export function decodeText(bytes: ArrayBuffer | Uint8Array): { text: string; encoding: FileEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const latin1 = new TextDecoder('latin1').decode(bytes);
    return { text: latin1.replace(/[\u0080-\u009F]/g, (char) => HIGH[char.charCodeAt(0) - 0x80] ?? char), encoding: 'windows-1252' };
  }
}
