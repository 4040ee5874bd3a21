import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { ExportFormat, ExportQuery, ExportTableName } from '../../shared/api/export.api';
import type { IsoDate } from '../../shared/domain/dates';
import type { Database } from '../db/schema';
import type { CohortFilter } from '../reports/cohort-filter';
import { absorptionTable } from './absorption-table';
import { alumniTable } from './alumni-table';
import { cohortsTable } from './cohorts-table';
import { exportDatabase, type ExportDatabase } from './export-database';
import type { ExportTable } from './export-table';
import { followUpsTable } from './follow-ups-table';
import { writeCsv } from './write-csv';
import { writeXlsx } from './write-xlsx';

/** The Indonesian word for each table, in file names. */
const FILE_WORD: Record<ExportTableName, string> = {
  alumni: 'alumni',
  'follow-ups': 'tindak-lanjut',
  cohorts: 'pelatihan',
  absorption: 'penyerapan',
};

const CONTENT_TYPE: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export type ExportFile = { body: Readable; fileName: string; contentType: string };

/**
 * One export as a byte stream plus what the response needs. No row is read until the
 * stream is consumed: the route has validated and audited already. Rows are read
 * through the export's own connection (see export-database.ts), closed with the stream
 * however it ends: downloaded, failed or abandoned by the client.
 */
export async function exportFile(
  db: Kysely<Database>,
  table: ExportTableName,
  format: ExportFormat,
  query: ExportQuery & { asOf: IsoDate },
  { gzip = false }: { gzip?: boolean } = {},
): Promise<ExportFile> {
  const filter: CohortFilter = { provider: query.provider, fundingSource: query.fundingSource, year: query.year, cohort: query.cohort };
  const reader = await exportDatabase(db);
  const source = tableOf(reader, table, query, filter);
  const body = format === 'xlsx' ? writeXlsx(source) : writeCsv(source, query.separator, { gzip });
  body.once('close', () => {
    reader.close().catch((error: unknown) => console.error('Closing an export\'s database connection failed:', error));
  });
  return {
    body,
    fileName: `jejak-${FILE_WORD[table]}-per-${query.asOf}.${format}`,
    contentType: CONTENT_TYPE[format],
  };
}

function tableOf(reader: ExportDatabase, table: ExportTableName, query: ExportQuery & { asOf: IsoDate }, filter: CohortFilter): ExportTable {
  const { db } = reader;
  switch (table) {
    case 'alumni':
      return alumniTable(db, query.asOf, filter);
    case 'follow-ups':
      return followUpsTable(reader, query.asOf, filter);
    case 'cohorts':
      return cohortsTable(db, query.asOf, filter);
    case 'absorption':
      return absorptionTable(db, query.asOf, query.groupBy, filter);
  }
}
