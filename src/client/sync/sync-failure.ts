import type { ApiResult } from '../api/api-request';

/**
 * Why a push or pull stopped. `unreachable` and `server-error` are retried with backoff;
 * `update-required` (426: the server no longer speaks this app's protocol, or cannot read
 * a queued change's version) stops syncing until the app is updated; `session-lost` (401) stops it until the user signs in again.
 * None of them touches the outbox.
 */
export type SyncFailure =
  | { kind: 'unreachable' }
  | { kind: 'server-error'; status: number; code: string; retryAfterSeconds: number | null }
  | { kind: 'update-required' }
  | { kind: 'session-lost' };

export function failureOf(result: Exclude<ApiResult, { kind: 'ok' }>): SyncFailure {
  if (result.kind === 'unreachable') return { kind: 'unreachable' };
  if (result.status === 426) return { kind: 'update-required' };
  if (result.status === 401) return { kind: 'session-lost' };
  return { kind: 'server-error', status: result.status, code: result.error.code, retryAfterSeconds: result.retryAfterSeconds };
}

/** An answer that is not the protocol's: retried like a server error. */
export const BAD_RESPONSE: SyncFailure = { kind: 'server-error', status: 200, code: 'bad-response', retryAfterSeconds: null };

/** Pushes of a few hundred mutations over a weak link take longer than a screen's request. */
export const SYNC_TIMEOUT_MS = 60_000;
