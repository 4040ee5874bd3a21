/**
 * Characters XML 1.0 cannot hold at all, not even escaped: the C0 controls other than
 * tab, line feed and carriage return, lone surrogates (the `u` flag sees pairs as one
 * character), U+FFFE and U+FFFF. A note pasted from a messaging app can carry them.
 */
const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text without the characters XML 1.0 forbids. */
export function xmlLegal(text: string): string {
  return text.replace(ILLEGAL, '');
}

/**
 * Text that needs none of the changes below: legal characters other than `&<>"`, CR and
 * `_`. Most cells are such text; one test instead of three replacements each.
 */
const PLAIN = /^[\t\n\u0020\u0021\u0023-\u0025\u0027-\u003B\u003D\u003F-\u005E\u0060-\uD7FF\uE000-\uFFFD]*$/;

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#xD;' };

/**
 * Text safe inside an XML element or a double-quoted attribute. A carriage return is
 * written as a reference, as a parser turns a literal one into a line feed. `_x0041_`
 * and the like get their underscore escaped as `_x005F_`: Excel reads such runs in
 * cell text as escaped characters, so typed text would otherwise change.
 */
export function xmlText(text: string): string {
  if (PLAIN.test(text)) return text;
  return xmlLegal(text)
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[&<>"\r]/g, (char) => ENTITY[char] ?? char);
}
