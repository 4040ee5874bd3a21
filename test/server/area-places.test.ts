import { expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { describeEachDialect, useTestDatabase } from './databases';
import { signedInUser } from './sign-in';

const T0 = new Date('2026-12-06T09:00:00.000Z');

type Place = { id: string; kecamatan: string; kelurahan: string; deleted: boolean };

describeEachDialect('the area reference list API', (kind) => {
  const database = useTestDatabase(kind);

  function api() {
    const app = createApp({ db: database.current.db, dbKind: kind, version: 'test', clock: () => T0 });
    return (method: string, path: string, cookie: string, body?: unknown) =>
      app.request(path, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
  }

  it('lets admins add, rename and remove places, everyone read them, and puts each change in the shared scope', async () => {
    const send = api();
    const { db } = database.current;
    const admin = await signedInUser(db, 'admin');
    const officer = await signedInUser(db, 'officer');

    const created = await send('POST', '/api/area-places', admin.cookie, { kecamatan: ' Bontang Utara ', kelurahan: 'Api-Api' });
    expect(created.status).toBe(201);
    const { place } = (await created.json()) as { place: Place };
    expect(place).toMatchObject({ kecamatan: 'Bontang Utara', kelurahan: 'Api-Api', deleted: false });
    expect((await send('POST', '/api/area-places', admin.cookie, { kecamatan: 'Bontang Barat', kelurahan: 'Kanaan' })).status).toBe(201);

    // The same kelurahan twice under one kecamatan is refused, not stored.
    const twice = await send('POST', '/api/area-places', admin.cookie, { kecamatan: 'Bontang Utara', kelurahan: 'Api-Api' });
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({ error: { code: 'conflict' } });

    const listed = (await (await send('GET', '/api/area-places', officer.cookie)).json()) as { places: Place[] };
    expect(listed.places.map((p) => `${p.kecamatan}/${p.kelurahan}`)).toEqual(['Bontang Barat/Kanaan', 'Bontang Utara/Api-Api']);

    const renamed = await send('PATCH', `/api/area-places/${place.id}`, admin.cookie, { kelurahan: 'Api Api', deleted: true });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ place: { kelurahan: 'Api Api', deleted: true } });

    const feed = await db.selectFrom('changeLog').select(['scope', 'entityId']).where('entity', '=', 'areaPlaces').execute();
    expect(feed).toHaveLength(2);
    expect(feed.every((row) => row.scope === 'shared')).toBe(true);
    const audit = await db.selectFrom('auditLog').select('mutation').where('entityId', '=', place.id).orderBy('at').execute();
    expect(audit.map((row) => row.mutation)).toEqual(['area-place.create', 'area-place.update']);
  });

  it('refuses other roles and malformed bodies with a clear answer, never a 500', async () => {
    const send = api();
    const { db } = database.current;
    const admin = await signedInUser(db, 'admin');
    for (const role of ['officer', 'supervisor', 'provider-staff'] as const) {
      const user = await signedInUser(db, role);
      expect((await send('POST', '/api/area-places', user.cookie, { kecamatan: 'Bontang Utara', kelurahan: 'Guntung' })).status, role).toBe(403);
    }
    expect((await send('POST', '/api/area-places', admin.cookie, { kecamatan: '', kelurahan: 'Guntung' })).status).toBe(400);
    expect((await send('POST', '/api/area-places', admin.cookie, '{"kecamatan":')).status).toBe(400);
    expect((await send('PATCH', '/api/area-places/not-an-id', admin.cookie, { kelurahan: 'X' })).status).toBe(404);
    expect((await send('PATCH', '/api/area-places/00000000-0000-4000-8000-000000000999', admin.cookie, { kelurahan: 'X' })).status).toBe(404);
  });
});
