/** A row's sheet number and its cleaned NIK ('' or invalid: never a duplicate). */
export type NikOfRow = { number: number; nik: string | null };

/**
 * For every row whose NIK appears again in the file, the numbers of the other rows with
 * it. Both (all) rows are flagged: the file cannot say which one is right, so the
 * person fixes or removes one and imports the other.
 */
export function findDuplicates(rows: readonly NikOfRow[]): Map<number, number[]> {
  const byNik = new Map<string, number[]>();
  for (const { number, nik } of rows) {
    if (nik === null || nik === '') continue;
    const numbers = byNik.get(nik);
    if (numbers === undefined) byNik.set(nik, [number]);
    else numbers.push(number);
  }
  const duplicates = new Map<number, number[]>();
  for (const numbers of byNik.values()) {
    if (numbers.length < 2) continue;
    for (const number of numbers) duplicates.set(number, numbers.filter((other) => other !== number));
  }
  return duplicates;
}
