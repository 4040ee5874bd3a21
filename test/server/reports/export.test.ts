import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { expect, it } from 'vitest';
import { toRow } from '../../../src/server/db/rows';
import { ABSORPTION_FIGURES, type AbsorptionReport } from '../../../src/shared/api/reports.api';
import { addDays } from '../../../src/shared/domain/dates';
import { FIGURE_NAME } from '../../../src/shared/domain/glossary';
import { isOnOrAfterDay } from '../../../src/shared/domain/status-as-of';
import { aCohort, aFollowUp, anEnrollment, anId } from '../../fixtures/builders';
import { anAlumnus } from '../data/seed';
import { describeEachDialect } from '../databases';
import { DEMO_WORLD_TODAY, useDemoWorld } from './demo-world';
import { readCsv, readXlsx } from './read-export';

const AS_OF = '2024-08-31';
const inAugust = (contactedAt: string) => !isOnOrAfterDay(contactedAt, addDays(AS_OF, 1), 'Asia/Makassar');

describeEachDialect('GET /api/export over the demo data', (kind) => {
  const world = useDemoWorld(kind);
  const asSupervisor = (path: string) => world.current.get(path, world.current.users.supervisor.cookie);

  it('writes follow-ups to XLSX: Indonesian headers, a frozen header row, real dates and numbers, voided ones marked', async () => {
    const res = await asSupervisor(`/api/export/follow-ups.xlsx?asOf=${AS_OF}`);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="jejak-tindak-lanjut-per-${AS_OF}.xlsx"`);
    const { sheet, header, rows } = await readXlsx(res);
    expect(sheet.name).toBe('Tindak lanjut');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(header.slice(0, 4)).toEqual(['Waktu kontak', 'NIK', 'Nama alumni', 'Petugas']);

    const expected = world.current.data.followUps.filter((f) => inAugust(f.contactedAt));
    expect(rows).toHaveLength(expected.length);
    const column = (name: string) => header.indexOf(name);
    expect(rows.every((row) => row[column('Waktu kontak')] instanceof Date)).toBe(true);
    expect(sheet.getRow(2).getCell(column('Waktu kontak') + 1).numFmt).toBe('dd/mm/yyyy hh:mm');
    const employees = rows.map((row) => row[column('Jumlah karyawan')]).filter((value) => value !== undefined && value !== null);
    expect(employees.length).toBeGreaterThan(0);
    expect(employees.every((value) => typeof value === 'number')).toBe(true);
    expect(rows.filter((row) => row[column('Dibatalkan')] === 'Dibatalkan')).toHaveLength(expected.filter((f) => f.voidedAt !== null).length);
    // Rows come in storage order (SQLite: as inserted; PostgreSQL: by record id); the first one's
    // contact time in office time (UTC+8), as a date serial read back in UTC.
    const first = kind === 'sqlite' ? expected[0]! : [...expected].sort((a, b) => (a.id < b.id ? -1 : 1))[0]!;
    expect((rows[0]![0] as Date).getTime()).toBe(Math.floor((Date.parse(first.contactedAt) + 8 * 3_600_000) / 60_000) * 60_000);
  });

  it('writes follow-ups to CSV with a BOM, CRLF and ";" for Indonesian Excel', async () => {
    const { header, rows } = await readCsv(await asSupervisor(`/api/export/follow-ups.csv?asOf=${AS_OF}&separator=;`), ';');
    expect(header[0]).toBe('Waktu kontak');
    expect(rows).toHaveLength(world.current.data.followUps.filter((f) => inAugust(f.contactedAt)).length);
    expect(rows[0]![0]).toMatch(/^2024-\d\d-\d\d \d\d:\d\d$/);
    const comma = await readCsv(await asSupervisor(`/api/export/follow-ups.csv?asOf=${AS_OF}`), ',');
    expect(comma.rows).toHaveLength(rows.length);
  });

  it('writes the absorption table with the office figures, rates as percentages and a total row', async () => {
    const { header, rows, sheet } = await readXlsx(await asSupervisor(`/api/export/absorption.xlsx?asOf=${AS_OF}&groupBy=funding-source`));
    expect(header).toEqual(['Sumber dana', 'Dilatih', 'Lulus', 'Bersertifikat', 'Bekerja', 'Berwirausaha', 'Mencari kerja', 'Tidak terhubung', 'Belum pernah dihubungi', 'Berhasil dihubungi', 'Tingkat penyerapan', 'Status diisi sendiri', 'Tautan isi sendiri terkirim', 'Tautan isi sendiri dijawab']);
    const murni = rows.find((row) => row[0] === 'APBD murni')!;
    expect(murni.slice(1, 2)).toEqual([748]);
    expect(murni.slice(4, 6)).toEqual([53, 36]);
    expect(murni[10]).toBeCloseTo(89 / (murni[2] as number));
    expect(sheet.getRow(2).getCell(11).numFmt).toBe('0.0%');
    expect(rows.at(-1)![0]).toBe('Jumlah');
    // Self-report figures are counted over everyone: on the total row only.
    expect(murni.slice(11).filter((cell) => cell !== null && cell !== undefined)).toEqual([]);
    expect(rows.at(-1)!.slice(11)).toEqual([0, 0, 0]);

    const csv = await readCsv(await asSupervisor(`/api/export/absorption.csv?asOf=${AS_OF}&groupBy=funding-source&separator=;`), ';');
    const murniCsv = csv.rows.find((row) => row[0] === 'APBD murni')!;
    expect(murniCsv.slice(4, 6)).toEqual(['53', '36']);
    expect(murniCsv[10]).toMatch(/^\d+,\d$/); // a percentage with a decimal comma
  });

  it('writes alumni with their status as of the day, and cohorts with figures, narrowed by filters', async () => {
    const { barberCohort } = world.current;
    const alumni = await readCsv(await asSupervisor(`/api/export/alumni.csv?asOf=${AS_OF}&cohort=${barberCohort.id}`), ',');
    expect(alumni.header.at(-1)).toBe(`Status per ${AS_OF}`);
    expect(alumni.rows).toHaveLength(20);
    expect(alumni.rows.filter((row) => row.at(-1) === 'Berwirausaha')).toHaveLength(5);

    const cohorts = await readXlsx(await asSupervisor(`/api/export/cohorts.xlsx?asOf=${AS_OF}&provider=${barberCohort.providerId}&fundingSource=apbd-murni&year=2024`));
    const barber = cohorts.rows.find((row) => row[0] === barberCohort.title)!;
    const cell = (header: string) => barber[cohorts.header.indexOf(header)];
    expect(cell('Tahun anggaran')).toBe(2024);
    expect(cell('Mulai')).toBeInstanceOf(Date);
    expect(cell('Kuota peserta')).toBe(20);
    expect(cell('Dilatih')).toBe(20);
    expect(cell('Berwirausaha')).toBe(5);
    expect(cohorts.rows.every((row) => row[1] === 'LPK Barber Nusantara Bontang' && row[3] === 'APBD murni')).toBe(true);

    const everyone = await readXlsx(await asSupervisor(`/api/export/alumni.xlsx?asOf=${AS_OF}`));
    expect(everyone.rows).toHaveLength(world.current.data.alumni.length);
  });

  it('gives each cohort the absorption report’s figures by cohort, and zeros to one not started by the day', async () => {
    const { data, users } = world.current;
    const report = (await (await world.current.get(`/api/reports/absorption?asOf=${AS_OF}&groupBy=cohort`, users.supervisor.cookie)).json()) as AbsorptionReport;
    const byCohort = new Map(report.groups.map((group) => [group.keys.cohort, group]));
    const providerName = new Map(data.providers.map((provider) => [provider.id, provider.name]));
    const expected = data.cohorts.map((cohort) => {
      const group = byCohort.get(cohort.id);
      const figures = ABSORPTION_FIGURES.map((name) => (group === undefined ? (name === 'absorptionRate' ? null : 0) : group[name]));
      return JSON.stringify([cohort.title, providerName.get(cohort.providerId), ...figures]);
    });
    expect(data.cohorts.filter((cohort) => cohort.startDate > AS_OF).length).toBeGreaterThan(0);
    expect(report.groups.filter((group) => group.employed > 0).length).toBeGreaterThan(10);

    const { header, rows } = await readXlsx(await asSupervisor(`/api/export/cohorts.xlsx?asOf=${AS_OF}`));
    const first = header.indexOf(FIGURE_NAME.trained);
    const written = rows.map((row) => JSON.stringify([row[0], row[1], ...ABSORPTION_FIGURES.map((_, i) => row[first + i] ?? null)]));
    expect(written.sort()).toEqual(expected.sort());
  });

  // The export's own SQLite connection (export-database.ts), seen as the process's open handles of the
  // database file. SQLite keeps a closed connection's handle for the next connection to the same file
  // (closing it would drop the app connection's locks), so exports that close their connection leave at
  // most one handle between them; a connection left open would leave one per export.
  it.runIf(kind === 'sqlite' && existsSync('/proc/self/fd'))('closes its own connection when the download ends, and when the client goes away', async () => {
    const { config } = world.current.database;
    const path = config.kind === 'sqlite' ? config.path : '';
    const handles = () => readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === path;
      } catch {
        return false; // closed while listing
      }
    }).length;
    const before = handles();
    const download = async () => (await asSupervisor(`/api/export/follow-ups.csv?asOf=${AS_OF}`)).arrayBuffer();

    await download();
    expect(handles()).toBeLessThanOrEqual(before + 1);
    // Dropped once its rows are being read: past the workbook's fixed parts, some of the sheet.
    const reader = (await asSupervisor(`/api/export/follow-ups.xlsx?asOf=${DEMO_WORLD_TODAY}`)).body!.getReader();
    for (let i = 0; i < 20; i += 1) expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    await download();
    await download();
    await expect.poll(handles).toBeLessThanOrEqual(before + 1);
  });

  it('records every export in the audit log: who, which table, format and filters', async () => {
    const { database, users, barberCohort } = world.current;
    await (await asSupervisor(`/api/export/cohorts.csv?asOf=${AS_OF}&provider=${barberCohort.providerId}&separator=;`)).arrayBuffer();
    const entries = await database.db.selectFrom('auditLog').selectAll().where('entity', '=', 'export').where('entityId', '=', 'cohorts.csv').execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ userId: users.supervisor.id, mutation: 'export' });
    expect(JSON.parse(entries[0]!.afterJson!)).toEqual({
      table: 'cohorts', format: 'csv', asOf: AS_OF, separator: ';', filters: { provider: barberCohort.providerId },
    });
  });

  it('refuses officers and provider staff (403), the signed out (401), bad filters (400) and unknown files (404)', async () => {
    const { get, users } = world.current;
    expect((await get(`/api/export/follow-ups.csv?asOf=${AS_OF}`, users.officer.cookie)).status).toBe(403);
    expect((await get(`/api/export/alumni.xlsx?asOf=${AS_OF}`, users.staff.cookie)).status).toBe(403);
    expect((await get(`/api/export/alumni.xlsx?asOf=${AS_OF}`, '')).status).toBe(401);
    for (const [query, field] of [
      ['asOf=2024-13-01', 'asOf'], ['provider=lpk-1', 'provider'], ['fundingSource=apbd', 'fundingSource'], ['year=24', 'year'],
      ['cohort=x', 'cohort'], ['separator=|', 'separator'], ['groupBy=district', 'groupBy'],
    ] as const) {
      const res = await get(`/api/export/absorption.csv?${query}`, users.admin.cookie);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error: { details: { path: string }[] } };
      expect(body.error.details.map((issue) => issue.path.split('.')[0])).toContain(field);
    }
    expect((await get('/api/export/users.csv', users.admin.cookie)).status).toBe(404);
    expect((await get('/api/export/alumni.pdf', users.admin.cookie)).status).toBe(404);
  });

  // Last: it adds rows to the shared demo database.
  it('writes formula-like text as text: quoted in CSV, an inline string without a quote in XLSX; phones readable in both', async () => {
    const { database, data } = world.current;
    const { db } = database;
    const providerId = anId();
    const evil = '=HYPERLINK("http://evil.example","klik")';
    await db.insertInto('providers').values({ id: providerId, createdAt: AS_OF, updatedAt: AS_OF, deleted: 0, name: evil, kind: 'lpk', address: '', phone: '+62541123456' }).execute();
    const cohort = aCohort({ providerId, vocationId: data.vocations[0]!.id, title: '-Kursus minus', startDate: '2024-03-01', endDate: '2024-03-30', budgetYear: 2024 });
    // Stored around the boundary's schemas, as an old row could be: the control character hides the `=`.
    const alumnus = anAlumnus({ name: '@Budi', nik: '6472010101900999', phone: '+6281234567890', whatsapp: '+62541123456', address: '\u0001=HYPERLINK("http://evil.example")',
      birthPlace: 'Bontang', email: 'budi@contoh.id', regency: 'Kota Bontang', province: 'Kalimantan Timur',
    });
    await db.insertInto('cohorts').values(toRow(cohort)).execute();
    await db.insertInto('alumni').values(toRow(alumnus)).execute();
    await db.insertInto('enrollments').values(toRow(anEnrollment({ cohortId: cohort.id, alumnusId: alumnus.id }))).execute();
    const officerId = data.users.find((user) => user.role === 'officer')!.id;
    await db.insertInto('followUps').values(toRow(aFollowUp({
      alumnusId: alumnus.id, officerId, contactedAt: '2024-08-01T02:00:00.000Z', reached: true, status: 'business',
      businessName: '\tTab', businessEmployees: 3, notes: '+1 =1+1 tidak dihitung',
    }))).execute();
    const filter = `asOf=${AS_OF}&provider=${providerId}`;

    const cohorts = await readXlsx(await asSupervisor(`/api/export/cohorts.xlsx?${filter}`));
    expect(cohorts.rows[0]!.slice(0, 2)).toEqual(['-Kursus minus', evil]);
    expect(cohorts.rows[0]![4]).toBe(2024);
    const cohortsCsv = await readCsv(await asSupervisor(`/api/export/cohorts.csv?${filter}`), ',');
    expect(cohortsCsv.rows[0]!.slice(0, 2)).toEqual(["'-Kursus minus", `'${evil}`]);

    const followUps = await readXlsx(await asSupervisor(`/api/export/follow-ups.xlsx?${filter}`));
    const row = followUps.rows[0]!;
    const at = (name: string) => row[followUps.header.indexOf(name)];
    expect([at('Nama alumni'), at('Nama usaha'), at('Catatan')]).toEqual(['@Budi', '\tTab', '+1 =1+1 tidak dihitung']);
    expect(at('Jumlah karyawan')).toBe(3);
    expect(at('Waktu kontak')).toEqual(new Date('2024-08-01T10:00:00.000Z'));
    const followUpsCsv = await readCsv(await asSupervisor(`/api/export/follow-ups.csv?${filter}&separator=;`), ';');
    expect(followUpsCsv.rows[0]).toContain("'+1 =1+1 tidak dihitung");
    expect(followUpsCsv.rows[0]).toContain("'@Budi");
    expect(followUpsCsv.rows[0]![0]).toBe('2024-08-01 10:00');

    const alumni = await readCsv(await asSupervisor(`/api/export/alumni.csv?${filter}`), ',');
    expect(alumni.rows).toHaveLength(1);
    expect(alumni.rows[0]!.slice(0, 2)).toEqual(['6472010101900999', "'@Budi"]);
    expect(alumni.rows[0]).toContain("'=HYPERLINK(\"http://evil.example\")");
    const phones = (header: readonly unknown[], row: readonly unknown[]) => [row[header.indexOf('Telepon')], row[header.indexOf('WhatsApp')]];
    expect(phones(alumni.header, alumni.rows[0]!)).toEqual(['0812-3456-7890', '0541-123456']);
    const alumniXlsx = await readXlsx(await asSupervisor(`/api/export/alumni.xlsx?${filter}`));
    expect(phones(alumniXlsx.header, alumniXlsx.rows[0]!)).toEqual(['0812-3456-7890', '0541-123456']);
    expect(alumniXlsx.rows[0]).toContain('=HYPERLINK("http://evil.example")');
    const person = (header: readonly unknown[], row: readonly unknown[]) =>
      ['Tempat lahir', 'Email', 'Kabupaten/Kota', 'Provinsi'].map((name) => row[header.indexOf(name)]);
    const expected = ['Bontang', 'budi@contoh.id', 'Kota Bontang', 'Kalimantan Timur'];
    expect(person(alumni.header, alumni.rows[0]!)).toEqual(expected);
    expect(person(alumniXlsx.header, alumniXlsx.rows[0]!)).toEqual(expected);
    expect(alumni.rows[0]!.at(-1)).toBe('Berwirausaha');
  });
});
