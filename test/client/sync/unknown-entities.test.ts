import { afterEach, describe, expect, it } from 'vitest';
import { pull } from '../../../src/client/sync/pull';
import { parsePullResponse } from '../../../src/client/sync/sync-responses';
import { anAlumnus, anId, useLocalDbs } from './local-db';

const freshDb = useLocalDbs();
const officer = { id: anId(), role: 'officer' as const, providerId: null };
const originalFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = originalFetch;
});

/** A page from a newer server: a kind of record this app has never heard of, beside one it knows. */
function newerServerPage(alumnus: ReturnType<typeof anAlumnus>) {
  return {
    changes: [
      { entity: 'surveyInvitations', op: 'put', id: anId(), record: { id: 'x', question: 'Apa kabar?' } },
      { entity: 'alumni', op: 'put', id: alumnus.id, record: alumnus },
      { entity: 'surveyInvitations', op: 'delete', id: anId() },
    ],
    cursor: { shared: 3 },
    more: false,
    lastMid: 0,
    reset: false,
  };
}

describe('a pull page with kinds of record this app does not know', () => {
  it('is read, the unknown changes left out', () => {
    const alumnus = anAlumnus();
    const page = parsePullResponse(newerServerPage(alumnus));
    expect(page?.changes).toEqual([{ entity: 'alumni', op: 'put', id: alumnus.id, record: alumnus }]);
    expect(page?.cursor).toEqual({ shared: 3 });
  });

  it('is applied: the known records are stored and the cursor moves on', async () => {
    const db = freshDb();
    const alumnus = anAlumnus();
    globalThis.fetch = () => Promise.resolve(new Response(JSON.stringify(newerServerPage(alumnus)), { status: 200, headers: { 'Content-Type': 'application/json' } }));

    const failure = await pull(db, officer, anId(), () => undefined);

    expect(failure).toBeNull();
    expect((await db.alumni.get(alumnus.id))?.name).toBe(alumnus.name);
    expect((await db.meta.get('cursor'))?.value).toEqual({ shared: 3 });
  });

  it('is still refused when the envelope itself is wrong', () => {
    expect(parsePullResponse({ changes: [{ entity: 'alumni', op: 'rename', id: 'a' }], cursor: {}, more: false, lastMid: 0, reset: false })).toBeNull();
  });
});
