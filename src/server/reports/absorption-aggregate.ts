import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AbsorptionFigures, ReportDimension, SelfReportCoverage } from '../../shared/api/reports.api';
import { withRates, type AbsorptionFiguresGroup, type AbsorptionResult } from '../../shared/domain/absorption';
import { OFFICE_TIME_ZONE, addDays, type IsoDate } from '../../shared/domain/dates';
import { linkCoverage } from '../../shared/domain/self-report-coverage';
import type { Database } from '../db/schema';
import type { CohortFilter } from './cohort-filter';

/** The cohort column each dimension groups by. */
const DIMENSION_COLUMN: Record<ReportDimension, RawBuilder<unknown>> = {
  year: sql`c.budget_year`,
  'funding-source': sql`c.funding_source`,
  provider: sql`c.provider_id`,
  cohort: sql`c.id`,
  vocation: sql`c.vocation_id`,
};

type CountsRow = {
  k0: string | number | null;
  k1: string | number | null;
  trained: number | string;
  graduated: number | string;
  certified: number | string;
  employed: number | string;
  business: number | string;
  seeking: number | string;
  unreachable: number | string;
  nevercontacted: number | string;
  selfreported: number | string;
};

/**
 * The absorption figures as `absorptionFigures` (shared/domain/absorption.ts) defines
 * them, computed by the database: people per group with graduation and certification
 * merged over their cohorts there, each with their status as of the day read from
 * `status_steps` (the last step on or before it, one primary-key seek per person), so
 * the cost follows people, not contacts, whatever the day. A property test holds this
 * equal to the shared rule on random histories (test/server/reports/absorption-aggregate.test.ts).
 */
export async function absorptionAggregate(
  db: Kysely<Database>,
  asOf: IsoDate,
  groupBy: readonly ReportDimension[],
  filter: CohortFilter = {},
): Promise<AbsorptionResult & { selfReportStatuses: number }> {
  const [totalRows, groupRows] = await Promise.all([
    countsBy(db, asOf, [], filter),
    groupBy.length === 0 ? Promise.resolve([]) : countsBy(db, asOf, groupBy, filter),
  ]);
  const total = totalRows[0];
  const groups = groupRows.map((row): AbsorptionFiguresGroup => {
    const values = [row.k0, row.k1].slice(0, groupBy.length).map(String);
    const keys = Object.fromEntries(groupBy.map((dimension, i) => [dimension, values[i] ?? '']));
    return { key: values.join(','), keys, ...figuresOf(row) };
  });
  groups.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    total: total === undefined ? figuresOf(undefined) : figuresOf(total),
    groups,
    selfReportStatuses: Number(total?.selfreported ?? 0),
  };
}

/** The report's self-report coverage: statuses from the aggregate, links counted by the shared rule over the report's people's links. */
export async function aggregateCoverage(db: Kysely<Database>, asOf: IsoDate, statuses: number, filter: CohortFilter = {}): Promise<SelfReportCoverage> {
  const { rows } = await sql<{ alumnusId: string; createdAt: string; answeredAt: string | null; withdrawnAt: string | null }>`
    select l.alumnus_id, l.created_at, l.answered_at, l.withdrawn_at
      from self_report_links l
     where l.created_at < ${addDays(asOf, 2)}
       and exists (select 1 from enrollments e join cohorts c on c.id = e.cohort_id
                    where e.alumnus_id = l.alumnus_id and ${startedCohortsOf(asOf, filter)})
  `.execute(db);
  return { statuses, ...linkCoverage(rows, asOf, OFFICE_TIME_ZONE) };
}

async function countsBy(db: Kysely<Database>, asOf: IsoDate, groupBy: readonly ReportDimension[], filter: CohortFilter): Promise<CountsRow[]> {
  const keys = groupBy.map((dimension) => DIMENSION_COLUMN[dimension]);
  const keyColumns = [keys[0] ?? sql`null`, keys[1] ?? sql`null`];
  const isGraduated = sql`case when p.graduated = 1`;
  const { rows } = await sql<CountsRow>`
    with people as (
      select ${keyColumns[0]} as k0, ${keyColumns[1]} as k1, e.alumnus_id as person,
             max(case when e.outcome = 'graduated' and (e.graduation_date is null or e.graduation_date <= ${asOf}) then 1 else 0 end) as graduated,
             max(case when e.certification = 'competent' and (e.certification_issued_date is null or e.certification_issued_date <= ${asOf}) then 1 else 0 end) as certified
        from enrollments e join cohorts c on c.id = e.cohort_id
       where ${startedCohortsOf(asOf, filter)}
       group by ${sql.join([...keys, sql`e.alumnus_id`])}
    )
    select p.k0, p.k1, count(*) as trained, sum(p.graduated) as graduated, sum(p.certified) as certified,
           sum(${isGraduated} and s.status = 'employed' then 1 else 0 end) as employed,
           sum(${isGraduated} and s.status = 'business' then 1 else 0 end) as business,
           sum(${isGraduated} and s.status = 'seeking' then 1 else 0 end) as seeking,
           sum(${isGraduated} and s.status = 'unreachable' then 1 else 0 end) as unreachable,
           sum(${isGraduated} and s.status is null then 1 else 0 end) as nevercontacted,
           sum(${isGraduated} and s.self_reported = 1 then 1 else 0 end) as selfreported
      from people p
      left join status_steps s on s.alumnus_id = p.person
       and s.on_day = (select max(t.on_day) from status_steps t where t.alumnus_id = p.person and t.on_day <= ${asOf})
     group by p.k0, p.k1
  `.execute(db);
  return rows;
}

/** Live enrollments in live cohorts started by `asOf`, narrowed to the filter; over `e` and `c`. */
function startedCohortsOf(asOf: IsoDate, filter: CohortFilter): RawBuilder<unknown> {
  const conditions = [sql`e.deleted = 0`, sql`c.deleted = 0`, sql`c.start_date <= ${asOf}`];
  if (filter.provider !== undefined) conditions.push(sql`c.provider_id = ${filter.provider}`);
  if (filter.fundingSource !== undefined) conditions.push(sql`c.funding_source = ${filter.fundingSource}`);
  if (filter.year !== undefined) conditions.push(sql`c.budget_year = ${filter.year}`);
  if (filter.cohort !== undefined) conditions.push(sql`c.id = ${filter.cohort}`);
  return sql.join(conditions, sql` and `);
}

function figuresOf(row: CountsRow | undefined): AbsorptionFigures {
  const n = (value: number | string | undefined) => Number(value ?? 0);
  return withRates({
    trained: n(row?.trained),
    graduated: n(row?.graduated),
    certified: n(row?.certified),
    employed: n(row?.employed),
    business: n(row?.business),
    seeking: n(row?.seeking),
    unreachable: n(row?.unreachable),
    neverContacted: n(row?.nevercontacted),
  });
}
