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
 * One statement for the groups and the total, in the shape each database runs best,
 * both held to the shared rule by the property test. Each person's status is their step
 * as of the day: the last on or before it, null for someone never contacted.
 */
function counts(db: Kysely<Database>, asOf: IsoDate, groupBy: readonly ReportDimension[], filter: CohortFilter): Promise<CountsRow[]> {
  const pieces = { keys: groupBy.map((dimension) => DIMENSION_COLUMN[dimension]), ...enrolmentFacts(asOf), started: startedCohortsOf(asOf, filter) };
  return db.getExecutor().adapter instanceof SqliteAdapter ? countsOnSqlite(db, asOf, groupBy, pieces) : countsOnPostgres(db, asOf, groupBy, pieces);
}

type Pieces = { keys: RawBuilder<unknown>[]; graduated: RawBuilder<unknown>; certified: RawBuilder<unknown>; started: RawBuilder<unknown> };

/**
 * PostgreSQL: one row per group and person (`people`: graduation and certification
 * merged over their cohorts in the group), summed per group, and merged again across
 * groups for the total. The steps are read in one pass up to the day, the last per person
 * (DISTINCT ON), hash-joined: a subquery per person costs it several times more, and the
 * planner's summed estimate for 20,000 such seeks nears `jit_above_cost`, past which
 * compiling the plan adds tens of milliseconds to each report.
 */
async function countsOnPostgres(db: Kysely<Database>, asOf: IsoDate, groupBy: readonly ReportDimension[], pieces: Pieces): Promise<CountsRow[]> {
  const { started } = pieces;
  const { rows } = await sql<CountsRow>`
    with enrolled as (
      ${enrolledPerGroup(pieces, started)}
    ), latest as (
      select distinct on (s.alumnus_id) s.alumnus_id, ${STEP} as step
        from status_steps s where s.on_day <= ${asOf} order by s.alumnus_id, s.on_day desc
    ), people as materialized (
      select k0, k1, person, graduated, certified, latest.step
        from enrolled left join latest on latest.alumnus_id = person
    )
    select 0 as istotal, k0, k1, ${figures(sql`people`)} ${groupBy.length === 0 ? sql`where 1 = 0` : sql``} group by k0, k1
    union all
    select 1 as istotal, null, null, ${figures(MERGED_PEOPLE)}
  `.execute(db);
  return rows;
}

/**
 * SQLite, where sorting 20,000 people twice was most of a report: people with one
 * enrolment (nearly everyone) have one row each (`single`), summed per cohort in cohort
 * order, then per group, and counted in the total as they are. Only the few with more
 * than one (`multi`) go the general way, as on PostgreSQL. Each row seeks its person's
 * step on the steps' key, a few microseconds, once: the rows are materialised, since a
 * subquery flattened into the sums would seek once per mention.
 */
async function countsOnSqlite(db: Kysely<Database>, asOf: IsoDate, groupBy: readonly ReportDimension[], pieces: Pieces): Promise<CountsRow[]> {
  const { keys, graduated, certified, started } = pieces;
  const stepOf = (person: RawBuilder<unknown>) => sql`(select ${STEP} from status_steps s where s.alumnus_id = ${person} and s.on_day <= ${asOf} order by s.on_day desc limit 1)`;
  const summed = sql`
    sum(trained) as trained, sum(graduated) as graduated, sum(certified) as certified, sum(employed) as employed,
    sum(business) as business, sum(seeking) as seeking, sum(unreachable) as unreachable,
    sum(nevercontacted) as nevercontacted, sum(selfreported) as selfreported
    from parts`;
  const { rows } = await sql<CountsRow>`
    with multi as (
      select alumnus_id from enrollments group by alumnus_id having count(*) > 1
    ), single as materialized (
      select e.cohort_id, ${graduated} as graduated, ${certified} as certified, ${stepOf(sql`e.alumnus_id`)} as step
        from enrollments e join cohorts c on c.id = e.cohort_id
       where ${started} and e.alumnus_id not in (select alumnus_id from multi)
       order by e.cohort_id
    ), by_cohort as (
      select cohort_id, ${figures(sql`single`)} group by cohort_id
    ), enrolled as (
      ${enrolledPerGroup(pieces, sql`${started} and e.alumnus_id in (select alumnus_id from multi)`)}
    ), people as materialized (
      select k0, k1, person, graduated, certified, ${stepOf(sql`person`)} as step from enrolled
    ), parts as (
      select 'single' as part, ${groupKeys(keys)},
             trained, graduated, certified, employed, business, seeking, unreachable, nevercontacted, selfreported
        from by_cohort join cohorts c on c.id = by_cohort.cohort_id
      union all
      select 'group', k0, k1, ${figures(sql`people`)} group by k0, k1
      union all
      select 'merged', null, null, ${figures(MERGED_PEOPLE)}
    )
    select 0 as istotal, k0, k1, ${summed} where part in ('single', 'group') ${groupBy.length === 0 ? sql`and 1 = 0` : sql``} group by k0, k1
    union all
    select 1 as istotal, null, null, ${summed} where part in ('single', 'merged')
  `.execute(db);
  return rows;
}

/**
 * One row per group and person among the enrolments (`e`, with their cohort `c`) that
 * `where` keeps: graduation and certification merged over the person's cohorts there.
 */
function enrolledPerGroup({ keys, graduated, certified }: Pieces, where: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    select ${groupKeys(keys)}, e.alumnus_id as person, max(${graduated}) as graduated, max(${certified}) as certified
      from enrollments e join cohorts c on c.id = e.cohort_id
     where ${where}
     group by ${sql.join([...keys, sql`e.alumnus_id`])}`;
}

/** The group's values as `k0` and `k1`, null where the report groups by fewer. */
function groupKeys(keys: readonly RawBuilder<unknown>[]): RawBuilder<unknown> {
  return sql`${keys[0] ?? sql`null`} as k0, ${keys[1] ?? sql`null`} as k1`;
}

/** Whether an enrolment (`e`) counts as graduated and as certified by the day. */
function enrolmentFacts(asOf: IsoDate): Pick<Pieces, 'graduated' | 'certified'> {
  return {
    graduated: sql`case when e.outcome = 'graduated' and (e.graduation_date is null or e.graduation_date <= ${asOf}) then 1 else 0 end`,
    certified: sql`case when e.certification = 'competent' and (e.certification_issued_date is null or e.certification_issued_date <= ${asOf}) then 1 else 0 end`,
  };
}

/** The figures over rows of (graduated, certified, step), one row a person. */
function figures(from: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    count(*) as trained, sum(graduated) as graduated, sum(certified) as certified,
    sum(case when graduated = 1 and step in ('employed', 'employed*') then 1 else 0 end) as employed,
    sum(case when graduated = 1 and step in ('business', 'business*') then 1 else 0 end) as business,
    sum(case when graduated = 1 and step in ('seeking', 'seeking*') then 1 else 0 end) as seeking,
    sum(case when graduated = 1 and step = 'unreachable' then 1 else 0 end) as unreachable,
    sum(case when graduated = 1 and step is null then 1 else 0 end) as nevercontacted,
    sum(case when graduated = 1 and step like '%*' then 1 else 0 end) as selfreported
    from ${from}`;
}

/** `people`'s rows merged across groups: each person once, for the total. */
const MERGED_PEOPLE = sql`(select person, max(graduated) as graduated, max(certified) as certified, max(step) as step from people group by person) as merged`;

/** A step's status, marked '*' when a self-report gave it, so one value carries both. */
const STEP = sql`s.status || case when s.self_reported = 1 then '*' else '' end`;

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
