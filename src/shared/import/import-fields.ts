/**
 * The person fields a spreadsheet column can fill. `phoneWhatsapp` is the common single
 * "No HP/WA" column: one number that is both the phone and the WhatsApp number.
 */
export const IMPORT_FIELDS = [
  'nik', 'name', 'gender', 'birthDate', 'phone', 'whatsapp', 'phoneWhatsapp', 'address', 'kelurahan', 'kecamatan', 'education',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Without these a row can never be valid (the alumnus schema requires them). */
export const REQUIRED_IMPORT_FIELDS = ['nik', 'name', 'gender', 'birthDate', 'education'] as const satisfies readonly ImportField[];

/** Which field each column fills, by column index; null: the column is ignored. */
export type ColumnMapping = readonly (ImportField | null)[];

/** The required fields no column fills. */
export function unmappedRequiredFields(mapping: ColumnMapping): ImportField[] {
  return REQUIRED_IMPORT_FIELDS.filter((field) => !mapping.includes(field));
}

export function isImportField(value: string): value is ImportField {
  return (IMPORT_FIELDS as readonly string[]).includes(value);
}
