import { describe, expect, it } from 'vitest';
import { mutateBatch, type BatchItem } from '../../../src/client/sync/mutate';
import { MAX_MUTATIONS_PER_PUSH, type PushRequest } from '../../../src/shared/sync/protocol';
import { useRealServer } from '../real-server';
import { seedSyncWorld } from '../../server/sync/sync-api';
import { deviceOf, phoneBehindLaptop } from './device';
import { logArgs, useLocalDbs } from './local-db';

const server = useRealServer();
const freshDb = useLocalDbs();

/** Each push request's mids, and the most pushes ever on the wire at once. */
function watchPushes(): { batches: number[][]; mostAtOnce: () => number; stop: () => void } {
  const network = globalThis.fetch;
  const batches: number[][] = [];
  let atOnce = 0;
  let most = 0;
  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.pathname !== '/api/sync/push') return network(input, init);
    batches.push((JSON.parse(init?.body as string) as PushRequest).mutations.map((m) => m.mid));
    atOnce += 1;
    most = Math.max(most, atOnce);
    try {
      return await network(input, init);
    } finally {
      atOnce -= 1;
    }
  };
  return { batches, mostAtOnce: () => most, stop: () => (globalThis.fetch = network) };
}

/** The `nth` push request answers 503 without reaching the server. */
function failPush(nth: number): () => void {
  const network = globalThis.fetch;
  let seen = 0;
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.pathname !== '/api/sync/push' || ++seen !== nth) return network(input, init);
    const body = JSON.stringify({ error: { code: 'unavailable', message: 'busy' } });
    return Promise.resolve(new Response(body, { status: 503, headers: { 'content-type': 'application/json' } }));
  };
  return () => (globalThis.fetch = network);
}

describe('a push of more than one batch', () => {
  it('sends the batches in mid order, one at a time, and settles each: a refusal in the first stays, the rest clears', async () => {
    const { phone, cohortA, aOnly, queueRefusedEdit } = await phoneBehindLaptop(server, freshDb);
    await queueRefusedEdit();
    const count = MAX_MUTATIONS_PER_PUSH + 100;
    const items: BatchItem[] = Array.from({ length: count }, () => ({ name: 'follow-up.log', input: logArgs(aOnly.id) }));
    expect(await mutateBatch(phone.db, phone.actor, items)).toMatchObject({ kind: 'ok' });

    const pushes = watchPushes();
    const outcome = await phone.sync();
    pushes.stop();

    expect(outcome).toMatchObject({ kind: 'synced' });
    const mids = Array.from({ length: count + 1 }, (_, i) => i + 1);
    expect(pushes.batches).toEqual([mids.slice(0, MAX_MUTATIONS_PER_PUSH), mids.slice(MAX_MUTATIONS_PER_PUSH)]);
    expect(pushes.mostAtOnce()).toBe(1);
    expect(await phone.db.outbox.toArray()).toEqual([expect.objectContaining({ mid: 1, status: 'rejected' })]);
    expect((await phone.db.cohorts.get(cohortA.id))?.endDate).toBe('2024-04-05');
    const logged = await server.current.db.selectFrom('followUps').select('id').where('alumnusId', '=', aOnly.id).execute();
    expect(logged).toHaveLength(count + 1);
  });

  it('keeps a refusal from the middle of a batch, and still keeps it when later changes settle around it', async () => {
    const { phone, aOnly, queueRefusedEdit } = await phoneBehindLaptop(server, freshDb);
    const logThree = () => mutateBatch(phone.db, phone.actor, Array.from({ length: 3 }, () => ({ name: 'follow-up.log' as const, input: logArgs(aOnly.id) })));
    expect(await logThree()).toMatchObject({ kind: 'ok' });
    // Mid 4, refused.
    await queueRefusedEdit();
    expect(await logThree()).toMatchObject({ kind: 'ok' });

    expect(await phone.sync()).toMatchObject({ kind: 'synced' });
    expect(await phone.db.outbox.toArray()).toEqual([expect.objectContaining({ mid: 4, status: 'rejected' })]);

    expect(await logThree()).toMatchObject({ kind: 'ok' });
    expect(await phone.sync()).toMatchObject({ kind: 'synced' });
    expect(await phone.db.outbox.toArray()).toEqual([expect.objectContaining({ mid: 4, status: 'rejected' })]);
    const logged = await server.current.db.selectFrom('followUps').select('id').where('alumnusId', '=', aOnly.id).execute();
    expect(logged).toHaveLength(9 + 1);
  });

  it('stops at a failed batch with the batches before it settled, and sends the rest next time', async () => {
    const { users, aOnly } = await seedSyncWorld(server.current.db);
    const officer = deviceOf(server, freshDb(), users.officer);
    await officer.sync();
    const count = 2 * MAX_MUTATIONS_PER_PUSH + 10;
    const items: BatchItem[] = Array.from({ length: count }, () => ({ name: 'follow-up.log', input: logArgs(aOnly.id) }));
    expect(await mutateBatch(officer.db, officer.actor, items)).toMatchObject({ kind: 'ok' });

    const restore = failPush(2);
    const pushes = watchPushes();
    const failed = await officer.sync();
    pushes.stop();
    restore();

    expect(failed).toMatchObject({ kind: 'server-error', status: 503 });
    expect(pushes.batches.map((batch) => batch[0])).toEqual([1, MAX_MUTATIONS_PER_PUSH + 1]);
    expect(await officer.db.outbox.count()).toBe(count - MAX_MUTATIONS_PER_PUSH);

    expect(await officer.sync()).toMatchObject({ kind: 'synced' });
    expect(await officer.db.outbox.count()).toBe(0);
    // Each applied once; the results the device has settled are no longer kept.
    expect(await server.current.db.selectFrom('followUps').select('id').where('alumnusId', '=', aOnly.id).execute()).toHaveLength(count + 1);
    expect(await server.current.db.selectFrom('clients').select('lastMid').execute()).toEqual([{ lastMid: count }]);
    expect(await server.current.db.selectFrom('mutationResults').select('mid').execute()).toEqual([]);
  });
});
