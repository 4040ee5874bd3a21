import type { Kysely } from 'kysely';
import { OFFICE_TIME_ZONE, addDays, type IsoDate } from '../../shared/domain/dates';
import { FIGURE_NAME } from '../../shared/domain/glossary';
import { isOnOrAfterDay } from '../../shared/domain/status-as-of';
import type { Database } from '../db/schema';
import { filteredCohorts } from '../reports/absorption-records';
import type { CohortFilter } from '../reports/cohort-filter';
import type { Cell, Column, ExportTable } from './export-table';
import { CHANNEL_LABEL, MONEY_LABEL, STATUS_LABEL, UNREACHED_LABEL, labelOf } from './labels';
import { localDateTime } from './local-time';

const PAGE_SIZE = 2000;

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

/**
 * Every follow-up contacted on or before `asOf` (office time), voided ones included and
 * marked. Read in keyset pages on the primary key: each page is one short indexed query,
 * so a long download never holds the database (SQLite has one connection) and never
 * re-reads skipped rows as OFFSET would. The rows come in record-id order, not by date:
 * ordering 100,000 rows by contact time costs a full sort per page without an index on
 * it, and the sheet's filter buttons sort in a click.
 */
export function followUpsTable(db: Kysely<Database>, asOf: IsoDate, filter: CohortFilter, timeZone = OFFICE_TIME_ZONE): ExportTable {
  // Stored instants are UTC (`…Z`), so text order is time order; a day's margin covers any zone, the exact cut is below.
  const before = addDays(asOf, 2);
  const dayAfter = addDays(asOf, 1);
  const filtered = Object.values(filter).some((value) => value !== undefined);

  async function* pages(): AsyncGenerator<Cell[][]> {
    let after = '';
    for (;;) {
      let query = db
        .selectFrom('followUps')
        .innerJoin('alumni', 'alumni.id', 'followUps.alumnusId')
        .leftJoin('users', 'users.id', 'followUps.officerId')
        .select([
          'followUps.id', 'followUps.contactedAt', 'alumni.nik', 'alumni.name', 'users.displayName', 'followUps.channel',
          'followUps.reached', 'followUps.unreachedReason', 'followUps.status', 'followUps.statusStartDate', 'followUps.employer',
          'followUps.jobTitle', 'followUps.sector', 'followUps.incomeBand', 'followUps.businessName', 'followUps.businessKind',
          'followUps.businessEmployees', 'followUps.revenueBand', 'followUps.notes', 'followUps.nextFollowUpDate',
          'followUps.voidedAt', 'followUps.voidReason',
        ])
        .where('followUps.id', '>', after)
        .where('followUps.contactedAt', '<', before)
        .orderBy('followUps.id')
        .limit(PAGE_SIZE);
      if (filtered) {
        const cohortIds = filteredCohorts(db.selectFrom('cohorts'), filter).select('cohorts.id');
        query = query.where('followUps.alumnusId', 'in', db.selectFrom('enrollments').select('enrollments.alumnusId').where('enrollments.deleted', '=', 0).where('enrollments.cohortId', 'in', cohortIds));
      }
      const rows = await query.execute();
      const last = rows.at(-1);
      if (last === undefined) return;
      after = last.id;
      yield rows
        .filter((row) => !isOnOrAfterDay(row.contactedAt, dayAfter, timeZone))
        .map((row) => [
          localDateTime(row.contactedAt, timeZone), row.nik, row.name, row.displayName, labelOf(CHANNEL_LABEL, row.channel),
          row.reached !== 0 ? 'Ya' : 'Tidak', labelOf(UNREACHED_LABEL, row.unreachedReason), labelOf(STATUS_LABEL, row.status),
          row.statusStartDate, row.employer, row.jobTitle, row.sector, labelOf(MONEY_LABEL, row.incomeBand), row.businessName,
          row.businessKind, row.businessEmployees, labelOf(MONEY_LABEL, row.revenueBand), row.notes, row.nextFollowUpDate,
          row.voidedAt === null ? '' : 'Dibatalkan', row.voidReason, row.voidedAt === null ? null : localDateTime(row.voidedAt, timeZone),
        ]);
      if (rows.length < PAGE_SIZE) return;
    }
  }
  return { sheet: 'Tindak lanjut', columns: COLUMNS, pages: pages() };
}
