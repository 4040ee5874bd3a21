export type Delimiter = ';' | ',' | '\t';

/**
 * The separator of a CSV text: the one of `;`, `,` and tab that appears most in its
 * first lines. Excel writes `;` where the decimal mark is a comma (Indonesian
 * settings), `,` elsewhere. Counting, rather than papaparse's guess, also decides
 * for a short file or one with a title line, where the guess falls back to `,`.
 * A tie (no separator at all: a one-column file) is `,`.
 */
export function detectDelimiter(text: string): Delimiter {
  const head = text.split(/\r\n|\n|\r/, 20).join('\n');
  const count = (delimiter: Delimiter) => head.split(delimiter).length - 1;
  const candidates: Delimiter[] = [',', ';', '\t'];
  return candidates.reduce((best, delimiter) => (count(delimiter) > count(best) ? delimiter : best));
}
