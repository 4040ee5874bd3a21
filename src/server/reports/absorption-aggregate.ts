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
 *
 * Nearly everyone has one live enrolment: their row in `report_people` (kept with each
 * enrolment write) carries its cohort and dates, and they are summed per group as they
 * are (`single`) and counted in the total once. Only people with several live enrolments
 * (`multi`) are grouped per group and person from their enrolments, and merged across
 * groups for the total.
 */
function counts(db: Kysely<Database>, asOf: IsoDate, groupBy: readonly ReportDimension[], filter: CohortFilter): Promise<CountsRow[]> {
  const pieces: Pieces = {
    keys: groupBy.map((dimension) => DIMENSION_COLUMN[dimension]),
    ...enrolmentFacts(asOf),
    started: startedCohortsOf(asOf, filter),
    cohortStarted: keptStartedCohorts(asOf, filter),
    asOf,
    anyGroups: groupBy.length > 0,
  };
  return db.getExecutor().adapter instanceof SqliteAdapter ? countsOnSqlite(db, pieces) : countsOnPostgres(db, pieces);
}

type Pieces = {
  keys: RawBuilder<unknown>[];
  graduated: RawBuilder<unknown>;
  certified: RawBuilder<unknown>;
  /** Live enrolments (`e`) in kept cohorts (`c`) started by the day. */
  started: RawBuilder<unknown>;
  /** Kept cohorts (`c`) started by the day. */
  cohortStarted: RawBuilder<unknown>;
  asOf: IsoDate;
  anyGroups: boolean;
};

/**
 * PostgreSQL: each person's step as of the day is read in one pass over the steps (the
 * one row with on_day <= day < until_day) and hash-joined to the single people, whose
 * rows are summed per group straight away. The few with several enrolments seek their
 * step on the steps' key.
 */
async function countsOnPostgres(db: Kysely<Database>, pieces: Pieces): Promise<CountsRow[]> {
  const { keys, asOf, cohortStarted } = pieces;
  const { rows } = await sql<CountsRow>`
    with latest as (
      select s.alumnus_id, ${STEP} as step
        from status_steps s where s.on_day <= ${asOf} and (s.until_day is null or s.until_day > ${asOf})
    ), single as (
      select ${groupKeys(keys)}, ${singleFacts(asOf)}, latest.step
        from report_people r join cohorts c on c.id = r.sole_cohort_id left join latest on latest.alumnus_id = r.alumnus_id
       where ${cohortStarted}
    ), ${multiPeople(pieces, 'postgres')},
    parts as (
      select 'single' as part, k0, k1, ${figures(sql`single`)} group by k0, k1
      ${multiParts}
    )
    ${partsSummed(pieces)}
  `.execute(db);
  return rows;
}

/**
 * SQLite, where sorting 20,000 people by their groups' text keys was most of a report:
 * the single people are summed per cohort in cohort order, then per group. Each row seeks
 * its person's step on the steps' key, a few microseconds, once: the rows are
 * materialised, since a subquery flattened into the sums would seek once per mention.
 */
async function countsOnSqlite(db: Kysely<Database>, pieces: Pieces): Promise<CountsRow[]> {
  const { keys, asOf, cohortStarted } = pieces;
  const { rows } = await sql<CountsRow>`
    with single as materialized (
      select r.sole_cohort_id as cohort_id, ${singleFacts(asOf)}, ${stepOf(sql`r.alumnus_id`, asOf)} as step
        from report_people r join cohorts c on c.id = r.sole_cohort_id
       where ${cohortStarted}
       order by r.sole_cohort_id
    ), by_cohort as (
      select cohort_id, ${figures(sql`single`)} group by cohort_id
    ), ${multiPeople(pieces, 'sqlite')},
    parts as (
      select 'single' as part, ${groupKeys(keys)},
             trained, graduated, certified, employed, business, seeking, unreachable, nevercontacted, selfreported
        from by_cohort join cohorts c on c.id = by_cohort.cohort_id
      ${multiParts}
    )
    ${partsSummed(pieces)}
  `.execute(db);
  return rows;
}

/** Whether a single person's one enrolment (`r`) counts as graduated and as certified by the day. */
function singleFacts(asOf: IsoDate): RawBuilder<unknown> {
  return sql`case when r.graduated_from <= ${asOf} then 1 else 0 end as graduated, case when r.certified_from <= ${asOf} then 1 else 0 end as certified`;
}

/** The person's step as of the day, sought on the steps' key. */
function stepOf(person: RawBuilder<unknown>, asOf: IsoDate): RawBuilder<unknown> {
  return sql`(select ${STEP} from status_steps s where s.alumnus_id = ${person} and s.on_day <= ${asOf} order by s.on_day desc limit 1)`;
}

/**
 * `people`: one row per group and person among those with several live enrolments,
 * found on the enrolments' person index: SQLite does so for `in (select …)`; PostgreSQL,
 * which expects more of them than there are, would read every enrolment instead unless
 * handed them as an array.
 */
function multiPeople(pieces: Pieces, database: 'sqlite' | 'postgres'): RawBuilder<unknown> {
  const several = sql`select alumnus_id from report_people where sole_cohort_id is null`;
  const multi = sql`${pieces.started} and ${database === 'sqlite' ? sql`e.alumnus_id in (${several})` : sql`e.alumnus_id = any(array(${several}))`}`;
  return sql`
    enrolled as (
      ${enrolledPerGroup(pieces, multi)}
    ), people as materialized (
      select k0, k1, person, graduated, certified, ${stepOf(sql`person`, pieces.asOf)} as step from enrolled
    )`;
}

/** `parts`' rows for the people with several enrolments: per group, and merged across groups for the total. */
const multiParts = sql`
      union all
      select 'group', k0, k1, ${figures(sql`people`)} group by k0, k1
      union all
      select 'merged', null, null, ${figures(sql`(select person, max(graduated) as graduated, max(certified) as certified, max(step) as step from people group by person) as merged`)}`;

/** The groups (single people's sums and the others' per group) and the total (single people's and the others' merged). */
function partsSummed({ anyGroups }: Pieces): RawBuilder<unknown> {
  const summed = sql`
    sum(trained) as trained, sum(graduated) as graduated, sum(certified) as certified, sum(employed) as employed,
    sum(business) as business, sum(seeking) as seeking, sum(unreachable) as unreachable,
    sum(nevercontacted) as nevercontacted, sum(selfreported) as selfreported
    from parts`;
  return sql`
    select 0 as istotal, k0, k1, ${summed} where part in ('single', 'group') ${anyGroups ? sql`` : sql`and 1 = 0`} group by k0, k1
    union all
    select 1 as istotal, null, null, ${summed} where part in ('single', 'merged')`;
}

/**
 * One row per group and person among the enrolments (`e`, with their cohort `c`) that
 * `where` keeps: graduation and certification merged over the person's cohorts there.
 */
function enrolledPerGroup({ keys, graduated, certified }: Pick<Pieces, 'keys' | 'graduated' | 'certified'>, where: RawBuilder<unknown>): RawBuilder<unknown> {
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

/** A step's status, marked '*' when a self-report gave it, so one value carries both. */
const STEP = sql`s.status || case when s.self_reported = 1 then '*' else '' end`;

/** Live enrollments in the filter's cohorts started by `asOf`; over `e` and `c`. */
function startedCohortsOf(asOf: IsoDate, filter: CohortFilter): RawBuilder<unknown> {
  return sql`e.deleted = 0 and ${keptStartedCohorts(asOf, filter)}`;
}

/** The filter's cohorts started by `asOf`; over `c`. */
function keptStartedCohorts(asOf: IsoDate, filter: CohortFilter): RawBuilder<unknown> {
  return sql`${keptCohorts(filter, 'c')} and c.start_date <= ${asOf}`;
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
