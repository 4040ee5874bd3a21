import * as v from 'valibot';
import type { CreateUserRequest, UpdateUserRequest, UserSummary } from '../../../shared/api/auth.api';
import { PROVIDER_KINDS, type Provider } from '../../../shared/schema/provider.schema';
import type { AreaPlace } from '../../../shared/schema/area-place.schema';
import type { Vocation } from '../../../shared/schema/vocation.schema';
import { ROLES } from '../../../shared/schema/user.schema';
import { apiRequest, type ApiOutcome as Outcome } from '../../api/api-request';

/**
 * The admin endpoints, each answer parsed before a screen sees it. The wire schemas
 * here check shape only: the server validated the records when it stored them.
 */

const UserSummaryWire = v.object({
  id: v.string(),
  username: v.string(),
  displayName: v.string(),
  role: v.picklist(ROLES),
  providerId: v.nullable(v.string()),
  active: v.boolean(),
  managesCohorts: v.boolean(),
  createdAt: v.string(),
  updatedAt: v.string(),
});

const ProviderWire = v.object({
  id: v.string(),
  createdAt: v.string(),
  updatedAt: v.string(),
  deleted: v.boolean(),
  name: v.string(),
  kind: v.picklist(PROVIDER_KINDS),
  address: v.string(),
  phone: v.nullable(v.string()),
});

const VocationWire = v.object({
  id: v.string(),
  createdAt: v.string(),
  updatedAt: v.string(),
  deleted: v.boolean(),
  name: v.string(),
});

async function call<S extends v.GenericSchema>(
  path: string,
  init: { method?: 'GET' | 'POST' | 'PATCH'; body?: unknown },
  schema: S,
): Promise<Outcome<v.InferOutput<S>>> {
  const result = await apiRequest(path, init);
  if (result.kind !== 'ok') return result;
  const parsed = v.safeParse(schema, result.body);
  if (parsed.success) return { kind: 'ok', value: parsed.output };
  return { kind: 'error', status: result.status, error: { code: 'internal', message: 'unexpected answer' }, retryAfterSeconds: null };
}

export function fetchUsers(): Promise<Outcome<{ users: UserSummary[] }>> {
  return call('/api/users', {}, v.object({ users: v.array(UserSummaryWire) }));
}

export function createUser(body: CreateUserRequest): Promise<Outcome<{ user: UserSummary }>> {
  return call('/api/users', { method: 'POST', body }, v.object({ user: UserSummaryWire }));
}

export function updateUser(id: string, patch: UpdateUserRequest): Promise<Outcome<{ user: UserSummary }>> {
  return call(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }, v.object({ user: UserSummaryWire }));
}

export function resetPassword(id: string, password: string): Promise<Outcome<unknown>> {
  return call(`/api/users/${encodeURIComponent(id)}/password`, { method: 'POST', body: { password } }, v.unknown());
}

export function fetchProviders(): Promise<Outcome<{ providers: Provider[] }>> {
  return call('/api/providers', {}, v.object({ providers: v.array(ProviderWire) }));
}

export type ProviderInput = Pick<Provider, 'name' | 'kind' | 'address' | 'phone'>;

export function createProvider(body: ProviderInput): Promise<Outcome<{ provider: Provider }>> {
  return call('/api/providers', { method: 'POST', body }, v.object({ provider: ProviderWire }));
}

/** A rename, an edit of any field, or `deleted` alone to deactivate (true) or restore (false). */
export type ProviderPatchInput = Partial<ProviderInput & { deleted: boolean }>;

export function updateProvider(id: string, patch: ProviderPatchInput): Promise<Outcome<{ provider: Provider }>> {
  return call(`/api/providers/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }, v.object({ provider: ProviderWire }));
}

export function fetchVocations(): Promise<Outcome<{ vocations: Vocation[] }>> {
  return call('/api/vocations', {}, v.object({ vocations: v.array(VocationWire) }));
}

export function createVocation(body: { name: string }): Promise<Outcome<{ vocation: Vocation }>> {
  return call('/api/vocations', { method: 'POST', body }, v.object({ vocation: VocationWire }));
}

export function updateVocation(id: string, patch: { name?: string; deleted?: boolean }): Promise<Outcome<{ vocation: Vocation }>> {
  return call(`/api/vocations/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }, v.object({ vocation: VocationWire }));
}

const AreaPlaceWire = v.object({
  id: v.string(),
  createdAt: v.string(),
  updatedAt: v.string(),
  deleted: v.boolean(),
  kecamatan: v.string(),
  kelurahan: v.string(),
});

export function fetchAreaPlaces(): Promise<Outcome<{ places: AreaPlace[] }>> {
  return call('/api/area-places', {}, v.object({ places: v.array(AreaPlaceWire) }));
}

export function createAreaPlace(body: { kecamatan: string; kelurahan: string }): Promise<Outcome<{ place: AreaPlace }>> {
  return call('/api/area-places', { method: 'POST', body }, v.object({ place: AreaPlaceWire }));
}

export function updateAreaPlace(id: string, patch: { kecamatan?: string; kelurahan?: string; deleted?: boolean }): Promise<Outcome<{ place: AreaPlace }>> {
  return call(`/api/area-places/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }, v.object({ place: AreaPlaceWire }));
}
