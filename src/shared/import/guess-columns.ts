import type { ColumnMapping, ImportField } from './import-fields';

/**
 * Headers people write in LPK participant lists, in Indonesian and English, compared
 * after `normaliseHeader` (case, spaces and punctuation ignored): "No. HP", "no hp" and
 * "NO_HP" are one header.
 */
const HEADER_ALIASES: Record<ImportField, readonly string[]> = {
  nik: [
    'nik', 'noktp', 'nomorktp', 'ktp', 'nonik', 'nomornik', 'noktpnik', 'nomorktpnik', 'niknoktp', 'nikktp', 'ktpnik', 'nomorinduk',
    'nomorindukkependudukan', 'nationalid', 'idnumber',
  ],
  name: ['nama', 'namalengkap', 'namapeserta', 'namasiswa', 'name', 'fullname', 'participantname'],
  gender: ['jeniskelamin', 'jk', 'lp', 'kelamin', 'gender', 'sex'],
  birthDate: ['tanggallahir', 'tgllahir', 'tgllhr', 'tanggallhr', 'tgllahirddmmyyyy', 'birthdate', 'dateofbirth', 'dob', 'birthday'],
  birthPlaceDate: [
    'ttl', 'tempattgllahir', 'tempattanggallahir', 'tempatdantanggallahir', 'tempattgllhr', 'tempatlahirtanggallahir', 'tempatlahirtgllahir',
    'placeanddateofbirth', 'placedateofbirth',
  ],
  phone: [
    'nohp', 'hp', 'nomorhp', 'notelp', 'notelepon', 'telepon', 'telp', 'telphp', 'notelphp', 'nohptelp', 'notlp', 'tlp', 'nomortelepon',
    'nomortelp', 'teleponhp', 'nohandphone', 'nomorhandphone', 'phone', 'phonenumber', 'mobile', 'handphone',
  ],
  whatsapp: ['nowa', 'wa', 'nomorwa', 'whatsapp', 'nowhatsapp', 'nomorwhatsapp'],
  phoneWhatsapp: ['nohpwa', 'hpwa', 'nomorhpwa', 'notelpwa', 'phonewhatsapp'],
  address: ['alamat', 'alamatlengkap', 'alamatrumah', 'alamatktp', 'alamatdomisili', 'alamattinggal', 'alamatsesuaiktp', 'address', 'homeaddress'],
  kelurahan: ['kelurahan', 'kel', 'desa', 'keldesa', 'desakelurahan', 'kelurahandesa', 'village'],
  kecamatan: ['kecamatan', 'kec', 'district', 'subdistrict'],
  birthPlace: ['tempatlahir', 'tempatlhr', 'tmplahir', 'tmptlahir', 'placeofbirth', 'birthplace'],
  email: ['email', 'alamatemail', 'surel', 'emailaddress'],
  regency: ['kabupaten', 'kab', 'kota', 'kabkota', 'kabupatenkota', 'kotakabupaten', 'kotakab', 'regency', 'city'],
  province: ['provinsi', 'prov', 'propinsi', 'province'],
  education: ['pendidikan', 'pendidikanterakhir', 'pend', 'ijazahterakhir', 'education', 'educationlevel'],
};

const FIELD_BY_ALIAS = new Map<string, ImportField>(
  Object.entries(HEADER_ALIASES).flatMap(([field, aliases]) => aliases.map((alias) => [alias, field as ImportField] as const)),
);

/**
 * Lower case, letters and digits only, and without a hint in brackets: "No. HP / WA" →
 * "nohpwa", "Jenis Kelamin (L/P)" → "jeniskelamin", "Tanggal Lahir (dd/mm/yyyy)" →
 * "tanggallahir". A header that is nothing but brackets keeps their content.
 */
export function normaliseHeader(header: string): string {
  const plain = (text: string) => text.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');
  return plain(header.replace(/\([^)]*\)|\[[^\]]*\]/g, '')) || plain(header);
}

/** The field a header names, or null when it names none we know. */
export function guessField(header: string): ImportField | null {
  return FIELD_BY_ALIAS.get(normaliseHeader(header)) ?? null;
}

/**
 * A field for each header. When two columns name the same field the first keeps it and
 * the other is ignored (the user can swap them), so no field is filled twice.
 */
export function guessColumns(headers: readonly string[]): ColumnMapping {
  const taken = new Set<ImportField>();
  return headers.map((header) => {
    const field = guessField(header);
    if (field === null || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** How many rows from the top may hold a title, a date or a logo line above the header. */
export const HEADER_SCAN_ROWS = 10;

/**
 * The index of the header row: among the first rows, the one naming the most known
 * headers (the first of equals). A file whose rows name none starts at row 0, so the
 * user maps its columns by hand.
 */
export function findHeaderRow(rows: readonly (readonly string[])[]): number {
  let best = 0;
  let bestCount = 0;
  for (const [index, row] of rows.slice(0, HEADER_SCAN_ROWS).entries()) {
    const count = new Set(row.map(guessField).filter((field) => field !== null)).size;
    if (count > bestCount) {
      best = index;
      bestCount = count;
    }
  }
  return best;
}
