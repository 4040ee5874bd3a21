import { expect, it } from 'vitest';
import type { AbsorptionReport } from '../../../src/shared/api/reports.api';
import type { NewSelfReportLinkResponse } from '../../../src/shared/api/self-report.api';
import { describeEachDialect, useTestDatabase } from '../databases';
import { dataApi } from '../data/seed';
import { seedWorld } from '../data/world';

describeEachDialect('the absorption report counts self-reports', (kind) => {
  const database = useTestDatabase(kind);

  it('says how many statuses alumni gave themselves, and how many links were sent and answered', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const { send } = dataApi(db, kind);
    const report = async () => (await send<AbsorptionReport>('GET', '/api/reports/absorption?asOf=2024-08-31', world.users.supervisor.cookie)).body;

    expect((await report()).selfReport).toEqual({ statuses: 0, linksSent: 0, linksAnswered: 0 });
    const before = (await report()).total;

    const make = async (alumnusId: string) => (await send<NewSelfReportLinkResponse>('POST', `/api/alumni/${alumnusId}/self-report-links`, world.users.officer.cookie)).body;
    const answered = await make(world.aOnly.id);
    await make(world.bOnly.id);
    const withdrawn = await make(world.shared.id);
    expect((await send('POST', `/api/self-report-links/${withdrawn.id}/withdraw`, world.users.officer.cookie)).status).toBe(200);
    const token = answered.url.split('/r/')[1] ?? '';
    expect((await send('POST', `/api/self-report/${token}`, '', { status: 'business', businessKind: 'Pangkas rambut' })).status).toBe(201);

    const after = await report();
    expect(after.selfReport).toEqual({ statuses: 1, linksSent: 2, linksAnswered: 1 });
    // The answer is a status like any reached contact: Andi moves from employed to business.
    expect([after.total.employed, after.total.business]).toEqual([before.employed - 1, before.business + 1]);
    // A day before the links, none of it had happened.
    const earlier = await send<AbsorptionReport>('GET', '/api/reports/absorption?asOf=2024-08-30', world.users.supervisor.cookie);
    expect(earlier.body.selfReport).toEqual({ statuses: 0, linksSent: 0, linksAnswered: 0 });
  });
});
