import { notifySessionLost } from './session-lost';

/** What the server said went wrong: the `error` of `{ error: { code, message, details? } }`. */
export type ApiError = { code: string; message: string; details?: unknown };

/**
 * Every way a request can end, as a value. "Unreachable" (no network, a timeout, a
 * captive portal answering HTML) is kept apart from an HTTP error on purpose: only the
 * server's own word may end a session, a dead link never does.
 */
export type ApiResult =
  | { kind: 'ok'; status: number; body: unknown }
  | { kind: 'error'; status: number; error: ApiError; retryAfterSeconds: number | null }
  | { kind: 'unreachable' };

/** A request that failed, in any of the ways above. */
export type ApiFailure = Exclude<ApiResult, { kind: 'ok' }>;

/** An answer already parsed into what the caller wanted, or why there is none. */
export type ApiOutcome<T> = { kind: 'ok'; value: T } | ApiFailure;

export type ApiRequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH';
  body?: unknown;
  /** A weak mobile link can hang for minutes; after this long the request counts as unreachable. */
  timeoutMs?: number;
  /** False for callers that handle a lost session themselves (the session check, logout). */
  reportSessionLoss?: boolean;
};

const DEFAULT_TIMEOUT_MS = 20_000;
const SESSION_LOST_CODES: ReadonlySet<string> = new Set(['session-expired', 'unauthenticated']);

/**
 * Calls the Jejak API on this origin and _never_ throws. A body is sent as JSON with
 * `Content-Type: application/json` (the server refuses state changes without it); the
 * session cookie goes along by itself. A 401 that says the session is gone is also
 * announced through `onSessionLost`, so any screen's request can end the session state.
 */
export async function apiRequest(path: string, options: ApiRequestOptions = {}): Promise<ApiResult> {
  const { method = 'GET', body, timeoutMs = DEFAULT_TIMEOUT_MS, reportSessionLoss = true } = options;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: controller.signal,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const json = parseJson(text);
    if (response.ok) {
      // A 200 that is not our JSON came from something between us and the server.
      if (text !== '' && json === undefined) return { kind: 'unreachable' };
      return { kind: 'ok', status: response.status, body: json };
    }
    const error = toApiError(json, response.status);
    if (reportSessionLoss && isSessionLost(response.status, error)) notifySessionLost();
    return { kind: 'error', status: response.status, error, retryAfterSeconds: retryAfter(error, response.headers) };
  } catch {
    // fetch rejects only when no answer arrived: offline, DNS, reset, or our abort.
    return { kind: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}

/** The server's word that the session is over (as opposed to a wrong password on login). */
export function isSessionLost(status: number, error: ApiError): boolean {
  return status === 401 && SESSION_LOST_CODES.has(error.code);
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The server's error body, or a code for the status when a proxy answered instead. */
function toApiError(json: unknown, status: number): ApiError {
  const error = isRecord(json) && isRecord(json.error) ? json.error : {};
  const code = typeof error.code === 'string' ? error.code : status >= 500 ? 'internal' : `http-${status}`;
  const message = typeof error.message === 'string' ? error.message : '';
  return 'details' in error ? { code, message, details: error.details } : { code, message };
}

function retryAfter(error: ApiError, headers: Headers): number | null {
  const fromDetails = isRecord(error.details) ? error.details.retryAfterSeconds : undefined;
  if (typeof fromDetails === 'number' && fromDetails > 0) return fromDetails;
  const header = Number(headers.get('Retry-After'));
  return Number.isFinite(header) && header > 0 ? header : null;
}
