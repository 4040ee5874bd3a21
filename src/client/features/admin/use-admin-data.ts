import { useCallback, useEffect, useState } from 'preact/hooks';
import type { UserSummary } from '../../../shared/api/auth.api';
import type { Provider } from '../../../shared/schema/provider.schema';
import type { Vocation } from '../../../shared/schema/vocation.schema';
import { useOnline } from '../../app/use-online';
import type { FormProblem } from '../../ui/form-errors';
import { fetchProviders, fetchUsers, fetchVocations } from './admin-api';

type Data = { users: UserSummary[]; providers: Provider[]; vocations: Vocation[] };
type State = { kind: 'waiting' } | { kind: 'loaded'; data: Data } | { kind: 'failed'; problem: FormProblem };

function upsert<T extends { id: string }>(list: readonly T[], item: T): T[] {
  return list.some((entry) => entry.id === item.id) ? list.map((entry) => (entry.id === item.id ? item : entry)) : [...list, item];
}

/**
 * Users, providers and vocations, straight from the server (admin data is not kept on the device).
 * Loads when online, and again on coming online if it had not loaded yet.
 */
export function useAdminData() {
  const online = useOnline();
  const [state, setState] = useState<State>({ kind: 'waiting' });

  const load = useCallback(async () => {
    setState({ kind: 'waiting' });
    const [users, providers, vocations] = await Promise.all([fetchUsers(), fetchProviders(), fetchVocations()]);
    if (users.kind === 'ok' && providers.kind === 'ok' && vocations.kind === 'ok') {
      setState({ kind: 'loaded', data: { users: users.value.users, providers: providers.value.providers, vocations: vocations.value.vocations } });
      return;
    }
    const failure = [users, providers, vocations].find((outcome) => outcome.kind !== 'ok');
    if (failure === undefined) return;
    setState({ kind: 'failed', problem: failure.kind === 'unreachable' ? { kind: 'unreachable' } : { kind: 'error', code: failure.error.code } });
  }, []);

  const loaded = state.kind === 'loaded';
  useEffect(() => {
    if (online && !loaded) void load();
  }, [online, loaded, load]);

  const update = (change: (data: Data) => Data) =>
    setState((current) => (current.kind === 'loaded' ? { kind: 'loaded', data: change(current.data) } : current));

  return {
    state,
    reload: load,
    putUser: (user: UserSummary) => update((data) => ({ ...data, users: upsert(data.users, user) })),
    putProvider: (provider: Provider) => update((data) => ({ ...data, providers: upsert(data.providers, provider) })),
    putVocation: (vocation: Vocation) => update((data) => ({ ...data, vocations: upsert(data.vocations, vocation) })),
  };
}
