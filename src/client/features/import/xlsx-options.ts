/** How a sheet is read, in the worker or (where there is none) on the main thread. */
export const XLSX_OPTIONS = {
  // Numbers as their digits: a 16-digit NIK typed as a number must not become a float.
  parseNumber: (digits: string) => digits,
  trim: true,
};

export type XlsxReading = { ok: true; cells: unknown[][] } | { ok: false };
