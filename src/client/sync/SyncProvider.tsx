import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MutationName } from '../../shared/sync/mutations';
import { useSession, useSessionStore, useUser } from '../auth/SessionProvider';
import { useDb } from '../storage/DbProvider';
import { writeMeta } from '../storage/meta.repository';
import type { BatchItem, BatchResult, MutateResult, MutationInput } from './mutate';
import type { SyncEngine } from './sync-engine';
import { SyncStatusStore, type SyncState } from './sync-status';

type SyncContextValue = {
  status: SyncStatusStore;
  syncNow: () => void;
  dismissPersistNotice: () => void;
};

const SyncContext = createContext<SyncContextValue | null>(null);

/**
 * Syncs the signed-in user's database for as long as it is mounted: inside `DbProvider`
 * and `UserProvider`, around the screens. The engine itself is loaded on demand, so the
 * first screen does not wait for it; it runs while the session is valid and only counts
 * the queue while it has expired.
 */
export function SyncProvider({ children }: { children: ComponentChildren }) {
  const db = useDb();
  const { id, role, providerId } = useUser();
  const sessionStore = useSessionStore();
  const active = useSession().status === 'signed-in';
  const [status] = useState(() => new SyncStatusStore());
  const engine = useRef<Promise<SyncEngine | null>>(Promise.resolve(null));

  useEffect(() => {
    let ended = false;
    const started = import('./sync-engine').then(
      // Ended before the engine's code arrived: it never starts, or its first cycle would still run.
      ({ startSyncEngine }) => (ended ? null : startSyncEngine(db, { id, role, providerId }, status, active)),
      () => null,
    );
    engine.current = started;
    const end = () => {
      if (ended) return;
      ended = true;
      void started.then((running) => running?.stop());
    };
    // Signed out: the engine stops at once. This provider unmounts only once the sign-in
    // screen is rendered, which may wait for that screen's code, while the device is
    // coming online and the old session would still sync.
    const unsubscribe = sessionStore.subscribe(() => {
      if (sessionStore.session.status === 'signed-out') end();
    });
    return () => {
      unsubscribe();
      end();
    };
  }, [db, id, role, providerId, active, status, sessionStore]);

  const value = useMemo<SyncContextValue>(
    () => ({
      status,
      syncNow: () => void engine.current.then((running) => running?.runNow()),
      dismissPersistNotice: () => {
        status.update({ persistRefused: false });
        writeMeta(db, 'persistence', 'told').catch(() => undefined);
      },
    }),
    [db, status],
  );
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
}

function useSyncContext(): SyncContextValue {
  const context = useContext(SyncContext);
  if (context === null) throw new Error('sync hooks outside <SyncProvider>');
  return context;
}

/** The sync state, re-rendering on every change. */
export function useSyncState(): SyncState {
  const { status } = useSyncContext();
  const [state, setState] = useState(status.state);
  useEffect(() => {
    setState(status.state);
    return status.subscribe(() => setState(status.state));
  }, [status]);
  return state;
}

export function useSyncActions(): Omit<SyncContextValue, 'status'> {
  return useSyncContext();
}

/**
 * How screens change data: `await mutate('follow-up.log', args)` applies the change on
 * this device and queues it for the server in one transaction, or answers why not
 * (field issues, storage full). The mutation layer is loaded on first use.
 */
export function useMutate(): <N extends MutationName>(name: N, input: MutationInput<N>) => Promise<MutateResult> {
  const db = useDb();
  const { id, role, providerId } = useUser();
  return useCallback(
    async (name, input) => {
      const { mutate } = await import('./mutate');
      return mutate(db, { id, role, providerId }, name, input);
    },
    [db, id, role, providerId],
  );
}

/**
 * How screens change many records at once (an import, a bulk edit): one batch is checked
 * whole, then applied and queued in one transaction, or refused with the index of the
 * item at fault (see `mutateBatch`).
 */
export function useMutateBatch(): (items: readonly BatchItem[]) => Promise<BatchResult> {
  const db = useDb();
  const { id, role, providerId } = useUser();
  return useCallback(
    async (items) => {
      const { mutateBatch } = await import('./mutate');
      return mutateBatch(db, { id, role, providerId }, items);
    },
    [db, id, role, providerId],
  );
}
