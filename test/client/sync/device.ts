import type { RealServer } from '../real-server';
import type { TestUser } from '../../server/sign-in';
import type { JejakDb } from '../../../src/client/storage/db';
import { mutate, type MutationInput } from '../../../src/client/sync/mutate';
import { runSyncCycle } from '../../../src/client/sync/sync-cycle';
import type { MutationName } from '../../../src/shared/sync/mutations';
import { seedSyncWorld } from '../../server/sync/sync-api';

/**
 * One browser profile of one user: its own Dexie database, the user's session cookie,
 * and the real sync engine. Devices of a test share the one cookie jar of the real
 * server helper, so each puts its own session in before it talks to the server.
 */
export function deviceOf(server: { readonly current: RealServer }, db: JejakDb, user: TestUser) {
  const actor = { id: user.id, role: user.role, providerId: user.providerId };
  const signIn = () => {
    const [name = '', value = ''] = user.cookie.split('=');
    server.current.cookies.clear();
    server.current.cookies.set(name, value);
  };
  return {
    db,
    user,
    actor,
    signIn,
    sync: () => {
      signIn();
      return runSyncCycle(db, actor);
    },
    mutate: <N extends MutationName>(name: N, input: MutationInput<N>) => mutate(db, actor, name, input),
  };
}

/**
 * A phone and a laptop of one clerk on the sync world, both synced, after the laptop
 * changed cohort A's end date: `queueRefusedEdit` queues on the phone an edit of that
 * date from what the phone saw before, which the server refuses as a conflict.
 */
export async function phoneBehindLaptop(server: { readonly current: RealServer }, freshDb: () => JejakDb) {
  const world = await seedSyncWorld(server.current.db);
  const { users, cohortA } = world;
  const phone = deviceOf(server, freshDb(), users.staffA);
  const laptop = deviceOf(server, freshDb(), users.staffA);
  await phone.sync();
  await laptop.sync();
  await laptop.mutate('cohort.update', { id: cohortA.id, patch: { endDate: '2024-04-05' }, base: { endDate: cohortA.endDate } });
  await laptop.sync();
  const queueRefusedEdit = () => phone.mutate('cohort.update', { id: cohortA.id, patch: { endDate: '2024-04-10' }, base: { endDate: cohortA.endDate } });
  return { ...world, phone, queueRefusedEdit };
}

/**
 * The network loses the answer to the next request to `path`: the server receives and
 * commits it, the device sees a dropped connection. Returns a function that undoes it.
 */
export function loseNextAnswer(path: string): () => void {
  const network = globalThis.fetch;
  let lost = false;
  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (lost || url.pathname !== path) return network(input, init);
    lost = true;
    await network(input, init);
    throw new TypeError('Failed to fetch');
  };
  return () => {
    globalThis.fetch = network;
  };
}

/** Every request body says it speaks `protocolVersion`, as an app of that version would. */
export function speakProtocol(protocolVersion: number): () => void {
  const network = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const body = typeof init?.body === 'string' ? JSON.stringify({ ...(JSON.parse(init.body) as object), protocolVersion }) : init?.body;
    return network(input, { ...init, body: body ?? null });
  };
  return () => {
    globalThis.fetch = network;
  };
}
