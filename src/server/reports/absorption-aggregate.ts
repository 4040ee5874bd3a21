import { SqliteAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import type { AbsorptionFigures, ReportDimension, SelfReportCoverage } from '../../shared/api/reports.api';
import { withRates, type AbsorptionFiguresGroup, type AbsorptionResult } from '../../shared/domain/absorption';
import { OFFICE_TIME_ZONE, addDays, type IsoDate } from '../../shared/domain/dates';
import { linkCoverage } from '../../shared/domain/self-report-coverage';
import type { Database } from '../db/schema';
import { keptCohorts, type CohortFilter } from './cohort-filter';

/** The cohort column each dimension groups by. */
const DIMENSION_COLUMN: Record<ReportDimension, RawBuilder<unknown>> = {
  year: sql`c.budget_year`,
  'funding-source': sql`c.funding_source`,
  provider: sql`c.provider_id`,
  cohort: sql`c.id`,
  vocation: sql`c.vocation_id`,
};

type CountsRow = {
  istotal: number | string;
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
 * `status_steps` (the last step on or before it), so the cost follows people and their
 * few status changes, not contacts. A property test holds this
 * equal to the shared rule on random histories (test/server/reports/absorption-aggregate.test.ts).
 */
export async function absorptionAggregate(
  db: Kysely<Database>,
  asOf: IsoDate,
  groupBy: readonly ReportDimension[],
  filter: CohortFilter = {},
): Promise<AbsorptionResult & { selfReportStatuses: number }> {
  const rows = await counts(db, asOf, groupBy, filter);
  const total = rows.find((row) => Number(row.istotal) === 1);
  const groups = groupBy.length === 0 ? [] : rows.filter((row) => Number(row.istotal) !== 1).map((row): AbsorptionFiguresGroup => {
    const values = [row.k0, row.k1].slice(0, groupBy.length).map(String);
    const keys = Object.fromEntries(groupBy.map((dimension, i) => [dimension, values[i] ?? '']));
    return { key: values.join(','), keys, ...figuresOf(row) };
  });
  groups.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { total: figuresOf(total), groups, selfReportStatuses: Number(total?.selfreported ?? 0) };
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

/**
 * One statement for the groups and the total: `people` holds one row per group and
 * person (graduation and certification merged over their cohorts in the group) with
 * the person's step as of the day (see `stepAsOf`), and is materialised, so the total,
 * which merges a person's rows across groups, reuses it.
 */
async function counts(db: Kysely<Database>, asOf: IsoDate, groupBy: readonly ReportDimension[], filter: CohortFilter): Promise<CountsRow[]> {
  const keys = groupBy.map((dimension) => DIMENSION_COLUMN[dimension]);
  const step = stepAsOf(db, asOf);
  const figures = (from: RawBuilder<unknown>) => sql`
    count(*) as trained, sum(graduated) as graduated, sum(certified) as certified,
    sum(case when graduated = 1 and step in ('employed', 'employed*') then 1 else 0 end) as employed,
    sum(case when graduated = 1 and step in ('business', 'business*') then 1 else 0 end) as business,
    sum(case when graduated = 1 and step in ('seeking', 'seeking*') then 1 else 0 end) as seeking,
    sum(case when graduated = 1 and step = 'unreachable' then 1 else 0 end) as unreachable,
    sum(case when graduated = 1 and step is null then 1 else 0 end) as nevercontacted,
    sum(case when graduated = 1 and step like '%*' then 1 else 0 end) as selfreported
    from ${from}`;
  const { rows } = await sql<CountsRow>`
    with enrolled as (
      select ${keys[0] ?? sql`null`} as k0, ${keys[1] ?? sql`null`} as k1, e.alumnus_id as person,
             max(case when e.outcome = 'graduated' and (e.graduation_date is null or e.graduation_date <= ${asOf}) then 1 else 0 end) as graduated,
             max(case when e.certification = 'competent' and (e.certification_issued_date is null or e.certification_issued_date <= ${asOf}) then 1 else 0 end) as certified
        from enrollments e join cohorts c on c.id = e.cohort_id
       where ${startedCohortsOf(asOf, filter)}
       group by ${sql.join([...keys, sql`e.alumnus_id`])}
    ), ${step.with} people as materialized (
      select k0, k1, person, graduated, certified, ${step.column} as step
        from enrolled ${step.join}
    )
    select 0 as istotal, k0, k1, ${figures(sql`people`)} ${groupBy.length === 0 ? sql`where 1 = 0` : sql``} group by k0, k1
    union all
    select 1 as istotal, null, null, ${figures(sql`(select person, max(graduated) as graduated, max(certified) as certified, max(step) as step from people group by person) as merged`)}
  `.execute(db);
  return rows;
}

/** A step's status, marked '*' when a self-report gave it, so one value carries both. */
const STEP = sql`s.status || case when s.self_reported = 1 then '*' else '' end`;

/**
 * Each enrolled `person`'s step as of the day (the last on or before it; null for
 * someone never contacted), as SQL pieces for `counts`: a common table to add, the
 * column, a join. Each database gets the shape it runs best, both held to the shared
 * rule by the property test. SQLite: a correlated descending seek on the steps' key per
 * person, a few microseconds each. PostgreSQL: one pass over the steps up to the day,
 * the last per person (DISTINCT ON), hash-joined; a subquery per row costs it several
 * times more, and the planner's summed estimate for 20,000 such seeks nears
 * `jit_above_cost`, past which compiling the plan adds tens of milliseconds to each report.
 */
function stepAsOf(db: Kysely<Database>, asOf: IsoDate): { with: RawBuilder<unknown>; column: RawBuilder<unknown>; join: RawBuilder<unknown> } {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    const seek = sql`(select ${STEP} from status_steps s where s.alumnus_id = person and s.on_day <= ${asOf} order by s.on_day desc limit 1)`;
    return { with: sql``, column: seek, join: sql`` };
  }
  return {
    with: sql`latest as (
      select distinct on (s.alumnus_id) s.alumnus_id, ${STEP} as step
        from status_steps s where s.on_day <= ${asOf} order by s.alumnus_id, s.on_day desc
    ),`,
    column: sql`latest.step`,
    join: sql`left join latest on latest.alumnus_id = person`,
  };
}

/** Live enrollments in the filter's cohorts started by `asOf`; over `e` and `c`. */
function startedCohortsOf(asOf: IsoDate, filter: CohortFilter): RawBuilder<unknown> {
  return sql`e.deleted = 0 and ${keptCohorts(filter, 'c')} and c.start_date <= ${asOf}`;
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
