import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../../src/server/app';
import type { DatabaseKind } from '../../../src/server/db/database';
import { generateDemoData, type DemoData } from '../../../src/server/demo/demo-data';
import { seedDemo } from '../../../src/server/demo/seed-demo';
import type { Cohort } from '../../../src/shared/schema';
import { createTestDatabase, type TestDatabase } from '../databases';
import { signedInUser, type TestUser } from '../sign-in';

export type DemoWorld = {
  database: TestDatabase;
  data: DemoData;
  app: ReturnType<typeof createApp>;
  users: Record<'supervisor' | 'admin' | 'officer' | 'staff', TestUser>;
  /** The barber LPK's apbd-murni barbershop class: 20 trained, 5 barbershops. */
  barberCohort: Cohort;
  get: (path: string, cookie: string) => Promise<Response>;
};

let data: DemoData | undefined;
/** The day the demo is made for: pinned, so the records and figures never move. */
export const DEMO_WORLD_TODAY = '2026-12-05';

/**
 * The demo data set seeded once per dialect per file (seeding ~1,400 people takes
 * seconds), with a signed-in user of each role. Tests that add rows must not change
 * what the others assert.
 */
export function useDemoWorld(kind: DatabaseKind): { readonly current: DemoWorld } {
  let world: DemoWorld | undefined;
  beforeAll(async () => {
    data ??= generateDemoData(DEMO_WORLD_TODAY);
    const database = await createTestDatabase(kind, { migrated: true });
    await seedDemo(database.db, data);
    const app = createApp({ db: database.db, dbKind: kind, version: 'test' });
    const barber = data.providers.find((provider) => provider.name === 'LPK Barber Nusantara Bontang');
    const barbershop = data.vocations.find((vocation) => vocation.name === 'Barbershop');
    const barberCohort = data.cohorts.find(
      (cohort) => cohort.providerId === barber?.id && cohort.vocationId === barbershop?.id && cohort.fundingSource === 'apbd-murni',
    );
    if (barberCohort === undefined) throw new Error('the demo has no barbershop class at the barber LPK');
    world = {
      database, data, app, barberCohort,
      users: {
        supervisor: await signedInUser(database.db, 'supervisor'),
        admin: await signedInUser(database.db, 'admin'),
        officer: await signedInUser(database.db, 'officer'),
        staff: await signedInUser(database.db, 'provider-staff', { providerId: barberCohort.providerId }),
      },
      get: async (path, cookie) => app.request(path, { headers: cookie === '' ? {} : { cookie } }),
    };
  }, 120_000);
  afterAll(async () => {
    await world?.database.drop();
  });
  return {
    get current() {
      if (world === undefined) throw new Error('The demo world exists only inside a test.');
      return world;
    },
  };
}
