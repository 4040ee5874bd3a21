/**
 * The person fields a spreadsheet column can fill. `phoneWhatsapp` is the common single
 * "No HP/WA" column: one number that is both the phone and the WhatsApp number.
 * `birthPlaceDate` is the combined "TTL" / "Tempat/Tgl Lahir" column (`Bontang, 17-08-2001`):
 * its date is the birth date and its place the place of birth. `regency` is the kabupaten or kota.
 */
export const IMPORT_FIELDS = [
  'nik', 'name', 'gender', 'birthPlace', 'birthDate', 'birthPlaceDate', 'phone', 'whatsapp', 'phoneWhatsapp', 'email', 'address', 'kelurahan',
  'kecamatan', 'regency', 'province', 'education',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Without these a row can never be valid (the alumnus schema requires them). */
export const REQUIRED_IMPORT_FIELDS = ['nik', 'name', 'gender', 'birthDate', 'education'] as const satisfies readonly ImportField[];

/** Which field each column fills, by column index; null: the column is ignored. */
export type ColumnMapping = readonly (ImportField | null)[];

/** The required fields no column fills (a TTL column fills the birth date). */
export function unmappedRequiredFields(mapping: ColumnMapping): ImportField[] {
  return REQUIRED_IMPORT_FIELDS.filter((field) => !mapping.includes(field) && !(field === 'birthDate' && mapping.includes('birthPlaceDate')));
}

/** The columns with something in them that fill no field, by index: shown before import so nothing is dropped unseen. */
export function unusedColumns(headers: readonly string[], mapping: ColumnMapping, rows: readonly { cells: readonly string[] }[]): number[] {
  return headers.flatMap((header, column) =>
    mapping[column] == null && (header.trim() !== '' || rows.some((row) => (row.cells[column] ?? '').trim() !== '')) ? [column] : [],
  );
}

export function isImportField(value: string): value is ImportField {
  return (IMPORT_FIELDS as readonly string[]).includes(value);
}
