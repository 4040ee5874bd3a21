import { SqliteAdapter, sql, type RawBuilder } from 'kysely';
import { OFFICE_TIME_ZONE, addDays, type IsoDate } from '../../shared/domain/dates';
import { FIGURE_NAME } from '../../shared/domain/glossary';
import { isOnOrAfterDay } from '../../shared/domain/status-as-of';
import { keptCohorts, type CohortFilter } from '../reports/cohort-filter';
import type { ExportDatabase } from './export-database';
import type { Cell, Column, ExportTable } from './export-table';
import { CHANNEL_LABEL, MONEY_LABEL, STATUS_LABEL, UNREACHED_LABEL, labelOf } from './labels';
import { localDateTime } from './local-time';

/**
 * Rows per page. A page lives while its rows are written; a page of 1,000 (a few MB of
 * row values and text) outlived V8's young generation and was copied into the old one,
 * whose garbage then grew with the row count until a full collection. Pages of a few
 * hundred die young; each is one short indexed query, a fraction of a millisecond.
 */
const PAGE_SIZE = 200;

const COLUMNS: readonly Column[] = [
  { header: 'Waktu kontak', kind: 'datetime', width: 17 },
  { header: 'NIK', kind: 'text', width: 18 },
  { header: 'Nama alumni', kind: 'text', width: 28 },
  { header: 'Petugas', kind: 'text', width: 22 },
  { header: 'Cara', kind: 'text' },
  { header: FIGURE_NAME.reached, kind: 'text' },
  { header: `Alasan ${FIGURE_NAME.unreachable.toLowerCase()}`, kind: 'text' },
  { header: 'Status', kind: 'text', width: 14 },
  { header: 'Sejak', kind: 'date' },
  { header: 'Tempat kerja', kind: 'text', width: 24 },
  { header: 'Jabatan', kind: 'text' },
  { header: 'Sektor', kind: 'text' },
  { header: 'Penghasilan', kind: 'text' },
  { header: 'Nama usaha', kind: 'text', width: 24 },
  { header: 'Jenis usaha', kind: 'text' },
  { header: 'Jumlah karyawan', kind: 'number' },
  { header: 'Omzet', kind: 'text' },
  { header: 'Catatan', kind: 'text', width: 40 },
  { header: 'Tindak lanjut berikutnya', kind: 'date' },
  { header: 'Dibatalkan', kind: 'text' },
  { header: 'Alasan pembatalan', kind: 'text', width: 30 },
  { header: 'Waktu pembatalan', kind: 'datetime', width: 17 },
];

/** A row of the query below: its select list's values, in order. */
type ExportRow = readonly [
  k: string | number, contactedAt: string, nik: string, name: string, officer: string | null, channel: string, reached: number,
  unreachedReason: string | null, status: string | null, statusStartDate: string | null, employer: string, jobTitle: string,
  sector: string, incomeBand: string | null, businessName: string, businessKind: string, businessEmployees: number | null,
  revenueBand: string | null, notes: string, nextFollowUpDate: string | null, voidedAt: string | null, voidReason: string,
];

/**
 * Every follow-up contacted on or before `asOf` (office time), voided ones included and
 * marked. Read in keyset pages: each page is one short indexed query, so a long
 * download never holds the database (SQLite has one connection) and never re-reads
 * skipped rows as OFFSET would. The key is SQLite's rowid, the order rows sit on disk
 * (the id, a random UUID, would read the table in random order: twice the time), and
 * the id on PostgreSQL. Rows come in that order, not by date: the sheet's filter
 * buttons sort in a click. The query is plain SQL on a handle without plugins: mapping
 * 22 column names per row to camelCase cost a fifth of the export.
 */
export function followUpsTable(source: ExportDatabase, asOf: IsoDate, filter: CohortFilter, timeZone = OFFICE_TIME_ZONE): ExportTable {
  // Stored instants are UTC (`…Z`), so text order is time order; a day's margin covers any zone, the exact cut is below.
  const before = addDays(asOf, 2);
  const dayAfter = addDays(asOf, 1);
  const filtered = Object.values(filter).some((value) => value !== undefined);
  const plain = source.db.withoutPlugins();
  const key = source.db.getExecutor().adapter instanceof SqliteAdapter ? sql.raw('f.rowid') : sql.raw('f.id');

  async function* pages(): AsyncGenerator<Cell[][]> {
    let after: string | number | null = null;
    for (;;) {
      const rows = await source.valueRows(sql`
        select ${key} as k, f.contacted_at, a.nik, a.name, u.display_name, f.channel, f.reached, f.unreached_reason, f.status,
               f.status_start_date, f.employer, f.job_title, f.sector, f.income_band, f.business_name, f.business_kind,
               f.business_employees, f.revenue_band, f.notes, f.next_follow_up_date, f.voided_at, f.void_reason
          from follow_ups f
          join alumni a on a.id = f.alumnus_id
          left join users u on u.id = f.officer_id
         where f.contacted_at < ${before}
           ${after === null ? sql`` : sql`and ${key} > ${after}`}
           ${filtered ? sql`and f.alumnus_id in (select e.alumnus_id from enrollments e where e.deleted = 0 and e.cohort_id in (${cohortIdsOf(filter)}))` : sql``}
         order by ${key}
         limit ${PAGE_SIZE}
      `.compile(plain));
      const last = rows.at(-1) as ExportRow | undefined;
      if (last === undefined) return;
      after = last[0];
      const cells: Cell[][] = [];
      for (const row of rows as ExportRow[]) {
        const [, contactedAt, nik, name, officer, channel, reached, unreachedReason, status, statusStartDate, employer, jobTitle, sector,
          incomeBand, businessName, businessKind, businessEmployees, revenueBand, notes, nextFollowUpDate, voidedAt, voidReason] = row;
        if (isOnOrAfterDay(contactedAt, dayAfter, timeZone)) continue;
        cells.push([
          localDateTime(contactedAt, timeZone), nik, name, officer, labelOf(CHANNEL_LABEL, channel), reached !== 0 ? 'Ya' : 'Tidak',
          labelOf(UNREACHED_LABEL, unreachedReason), labelOf(STATUS_LABEL, status), statusStartDate, employer, jobTitle, sector,
          labelOf(MONEY_LABEL, incomeBand), businessName, businessKind, businessEmployees, labelOf(MONEY_LABEL, revenueBand), notes,
          nextFollowUpDate, voidedAt === null ? '' : 'Dibatalkan', voidReason, voidedAt === null ? null : localDateTime(voidedAt, timeZone),
        ]);
      }
      yield cells;
      if (rows.length < PAGE_SIZE) return;
    }
  }
  return { sheet: 'Tindak lanjut', columns: COLUMNS, pages: pages() };
}

/** The ids of the cohorts the filter keeps, as SQL. */
function cohortIdsOf(filter: CohortFilter): RawBuilder<unknown> {
  return sql`select c.id from cohorts c where ${keptCohorts(filter, 'c')}`;
}
