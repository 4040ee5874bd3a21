import * as v from 'valibot';
import { IdSchema, IsoDateTimeSchema } from '../schema/common.schema';
import { ProviderSchema, type Provider } from '../schema/provider.schema';
import { VocationSchema, type Vocation } from '../schema/vocation.schema';

/**
 * Admin bodies for providers and vocations, built from the entity schemas so the rules
 * stay in one place. On create the server fills in what is not given: a new id, the
 * current time, `deleted: false`, and for providers an empty address and no phone.
 * A patch changes any subset of the editable fields; the server sets `updatedAt`.
 */

const createdFields = {
  id: v.optional(IdSchema),
  createdAt: v.optional(IsoDateTimeSchema),
  updatedAt: v.optional(IsoDateTimeSchema),
  deleted: v.optional(v.boolean('invalid-type'), false),
};

export const NewProviderSchema = v.object({
  ...ProviderSchema.entries,
  ...createdFields,
  address: v.optional(ProviderSchema.entries.address, ''),
  phone: v.optional(ProviderSchema.entries.phone, null),
});
export type NewProviderRequest = v.InferOutput<typeof NewProviderSchema>;

export const ProviderPatchSchema = v.partial(v.pick(ProviderSchema, ['name', 'kind', 'address', 'phone', 'deleted']));
export type ProviderPatch = v.InferOutput<typeof ProviderPatchSchema>;

export const NewVocationSchema = v.object({ ...VocationSchema.entries, ...createdFields });
export type NewVocationRequest = v.InferOutput<typeof NewVocationSchema>;

export const VocationPatchSchema = v.partial(v.pick(VocationSchema, ['name', 'deleted']));
export type VocationPatch = v.InferOutput<typeof VocationPatchSchema>;

/** `GET /api/providers` (provider staff: their own only), `POST`/`PATCH` answer `{ provider }`. */
export type ProvidersResponse = { providers: Provider[] };
export type ProviderResponse = { provider: Provider };
export type VocationsResponse = { vocations: Vocation[] };
export type VocationResponse = { vocation: Vocation };
