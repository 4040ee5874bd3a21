/**
 * A "TTL" cell (tempat, tanggal lahir) as clerks write it: `Bontang, 17-08-2001`,
 * `Bontang, 17 Agustus 2001`, `Samarinda 05/03/1999`. The date is what follows the last
 * comma, or else the trailing date-like words; the place is what comes before. A cell
 * with no recognisable date part gives it all as the date, so the date check says why.
 */
export function splitBirthPlaceDate(text: string): { place: string; date: string } {
  const trimmed = text.trim();
  const comma = trimmed.lastIndexOf(',');
  if (comma >= 0) return { place: trimmed.slice(0, comma).trim(), date: trimmed.slice(comma + 1).trim() };
  const trailing = /^(.*?)\s+(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[\s-]+[a-z]+\.?[\s-]+\d{4})$/i.exec(trimmed);
  if (trailing !== null) return { place: (trailing[1] ?? '').trim(), date: trailing[2] ?? '' };
  return { place: '', date: trimmed };
}
