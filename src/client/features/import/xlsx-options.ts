import type { NumberCell } from '../../../shared/import/number-cell';

/** How a sheet is read, in the worker or (where there is none) on the main thread. */
export const XLSX_OPTIONS = {
  // Numbers as their digits, marked as numbers: a 16-digit NIK typed as a number must
  // not become a float, and must be checked (see shared/import/number-cell.ts).
  parseNumber: (digits: string): NumberCell => ({ numberText: digits }),
  trim: true,
};

export type XlsxReading = { ok: true; cells: unknown[][] } | { ok: false };
