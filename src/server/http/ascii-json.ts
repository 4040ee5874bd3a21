/** Any character a 7-bit byte cannot hold. */
const NON_ASCII = /[\u0080-\uffff]/;
const EACH_NON_ASCII = /[\u0080-\uffff]/g;

/**
 * `JSON.stringify(value)` as bytes that are all ASCII: every character past 0x7F is
 * written as its `\uXXXX` escape, which JSON.parse turns back into the same character.
 *
 * The officer's first pull is 54 MB of JSON in which a few people's addresses hold an
 * en dash or a curly apostrophe, and each page has some of them. A browser decodes a
 * page with one such character into a string of two bytes a character, and reads it
 * as JSON at less than half the speed of a page in ASCII (2.8-3.4 s against 1.3 s for
 * 82 pages in Chromium here). On the server the same holds: encoding a large string
 * with any such character to UTF-8 took longer than stringifying it.
 *
 * So the value is stringified in parts (each property of an object, and each element of
 * an array property: a page's changes), only the few parts with such characters are
 * escaped, and every part is copied into one buffer as Latin-1, byte for character.
 */
export function asciiJson(value: unknown): Uint8Array<ArrayBuffer> {
  const parts: string[] = [];
  if (Array.isArray(value)) arrayParts(value, parts);
  else if (isPlainObject(value)) objectParts(value, parts);
  else parts.push(JSON.stringify(value) ?? 'null');
  let length = 0;
  for (const [index, part] of parts.entries()) {
    if (NON_ASCII.test(part)) parts[index] = escapeNonAscii(part);
    length += (parts[index] as string).length;
  }
  const bytes = new Uint8Array(length);
  const writer = Buffer.from(bytes.buffer);
  let offset = 0;
  for (const part of parts) offset += writer.write(part, offset, 'latin1');
  return bytes;
}

/** The parts of an object's JSON, in JSON.stringify's order and with its omissions. */
function objectParts(value: Record<string, unknown>, parts: string[]): void {
  parts.push('{');
  let first = true;
  for (const [key, field] of Object.entries(value)) {
    const name = `${first ? '' : ','}${JSON.stringify(key)}:`;
    if (Array.isArray(field)) {
      parts.push(name);
      arrayParts(field, parts);
    } else {
      // JSON.stringify leaves out a field whose value it cannot write (undefined, a function).
      const json = JSON.stringify(field) as string | undefined;
      if (json === undefined) continue;
      parts.push(name, json);
    }
    first = false;
  }
  parts.push('}');
}

/**
 * The parts of an array's JSON, an element a part: one JSON cannot write is `null`, as
 * JSON.stringify writes it. Pushed one by one: a spread of a long array overflows the stack.
 */
function arrayParts(elements: readonly unknown[], parts: string[]): void {
  parts.push('[');
  for (const [index, element] of elements.entries()) parts.push(`${index === 0 ? '' : ','}${(JSON.stringify(element) as string | undefined) ?? 'null'}`);
  parts.push(']');
}

function escapeNonAscii(json: string): string {
  return json.replace(EACH_NON_ASCII, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** An object JSON.stringify writes field by field: not an array, nor one with its own toJSON (a Date). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}
