import type { Kysely } from 'kysely';
import { OFFICE_TIME_ZONE, type IsoDate } from '../../shared/domain/dates';
import { statusAsOf, type ContactFacts } from '../../shared/domain/status-as-of';
import type { Database } from '../db/schema';
import { filteredCohorts, type CohortFilter } from '../reports/cohort-filter';
import type { Cell, Column, ExportTable } from './export-table';
import { EDUCATION_LABEL, GENDER_LABEL, STATUS_LABEL, labelOf } from './labels';
import { groupBy } from '../../shared/group-by';

/** Under the 999 bound values old SQLite builds allow in one statement (the page's ids go in an IN list). */
const PAGE_SIZE = 500;

function columns(asOf: IsoDate): Column[] {
  return [
    { header: 'NIK', kind: 'text', width: 18 },
    { header: 'Nama', kind: 'text', width: 28 },
    { header: 'Jenis kelamin', kind: 'text' },
    { header: 'Tempat lahir', kind: 'text', width: 16 },
    { header: 'Tanggal lahir', kind: 'date', width: 12 },
    { header: 'Telepon', kind: 'phone', width: 16 },
    { header: 'WhatsApp', kind: 'phone', width: 16 },
    { header: 'Email', kind: 'text', width: 24 },
    { header: 'Alamat', kind: 'text', width: 30 },
    { header: 'Kelurahan', kind: 'text', width: 16 },
    { header: 'Kecamatan', kind: 'text', width: 16 },
    { header: 'Kabupaten/Kota', kind: 'text', width: 18 },
    { header: 'Provinsi', kind: 'text', width: 18 },
    { header: 'Pendidikan', kind: 'text' },
    { header: 'Pelatihan', kind: 'text', width: 40 },
    { header: 'Lembaga', kind: 'text', width: 30 },
    { header: `Status per ${asOf}`, kind: 'text', width: 18 },
  ];
}

/**
 * The alumni (of the filtered cohorts) by name, each with their status as of `asOf`
 * from the shared rule. Keyset pages of (name, id); each page fetches its own people's
 * trainings and follow-ups, so memory holds one page whatever the size of the office.
 */
export function alumniTable(db: Kysely<Database>, asOf: IsoDate, filter: CohortFilter, timeZone = OFFICE_TIME_ZONE): ExportTable {
  const filtered = Object.values(filter).some((value) => value !== undefined);
  const cohortIds = () => filteredCohorts(db.selectFrom('cohorts'), filter).select('cohorts.id');

  async function* pages(): AsyncGenerator<Cell[][]> {
    let after: { name: string; id: string } | null = null;
    for (;;) {
      let query = db
        .selectFrom('alumni')
        .select(['id', 'nik', 'name', 'gender', 'birthDate', 'phone', 'whatsapp', 'address', 'kelurahan', 'kecamatan', 'education',
          'birthPlace', 'email', 'regency', 'province'])
        .where('deleted', '=', 0)
        .orderBy('name')
        .orderBy('id')
        .limit(PAGE_SIZE);
      if (after !== null) {
        const { name, id } = after;
        query = query.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
      }
      if (filtered) {
        query = query.where('id', 'in', db.selectFrom('enrollments').select('alumnusId').where('deleted', '=', 0).where('cohortId', 'in', cohortIds()));
      }
      const people = await query.execute();
      const last = people.at(-1);
      if (last === undefined) return;
      after = { name: last.name, id: last.id };
      const ids = people.map((person) => person.id);

      let trainingQuery = db
        .selectFrom('enrollments')
        .innerJoin('cohorts', 'cohorts.id', 'enrollments.cohortId')
        .innerJoin('providers', 'providers.id', 'cohorts.providerId')
        .select(['enrollments.alumnusId', 'cohorts.title', 'providers.name as provider'])
        .where('enrollments.deleted', '=', 0)
        .where('cohorts.deleted', '=', 0)
        .where('enrollments.alumnusId', 'in', ids)
        .orderBy('cohorts.startDate');
      if (filtered) trainingQuery = trainingQuery.where('cohorts.id', 'in', cohortIds());
      const [trainings, contacts] = await Promise.all([
        trainingQuery.execute(),
        db
          .selectFrom('followUps')
          .select(['id', 'alumnusId', 'contactedAt', 'createdAt', 'reached', 'status', 'voidedAt'])
          .where('voidedAt', 'is', null)
          .where('alumnusId', 'in', ids)
          .execute(),
      ]);
      const titles = groupBy(trainings, (t) => t.alumnusId, (t) => t.title);
      const providers = groupBy(trainings, (t) => t.alumnusId, (t) => t.provider);
      const followUps = groupBy(contacts, (f) => f.alumnusId, (f): ContactFacts => ({ ...f, reached: f.reached !== 0 }));

      yield people.map((person) => [
        person.nik, person.name, labelOf(GENDER_LABEL, person.gender), person.birthPlace, person.birthDate, person.phone, person.whatsapp,
        person.email, person.address, person.kelurahan, person.kecamatan, person.regency, person.province, labelOf(EDUCATION_LABEL, person.education),
        [...new Set(titles.get(person.id) ?? [])].join('; '), [...new Set(providers.get(person.id) ?? [])].join('; '),
        STATUS_LABEL[statusAsOf(followUps.get(person.id) ?? [], asOf, timeZone)],
      ]);
      if (people.length < PAGE_SIZE) return;
    }
  }
  return { sheet: 'Alumni', columns: columns(asOf), pages: pages() };
}
