import * as v from 'valibot';
import { IdSchema, IsoDateTimeSchema } from '../schema/common.schema';
import { AreaPlaceSchema, type AreaPlace } from '../schema/area-place.schema';

/**
 * Admin bodies for the kecamatan/kelurahan reference list. On create the server fills in
 * a new id, the current time and `deleted: false`; a patch renames or removes a place.
 */
export const NewAreaPlaceSchema = v.object({
  ...AreaPlaceSchema.entries,
  id: v.optional(IdSchema),
  createdAt: v.optional(IsoDateTimeSchema),
  updatedAt: v.optional(IsoDateTimeSchema),
  deleted: v.optional(v.boolean('invalid-type'), false),
});
export type NewAreaPlaceRequest = v.InferOutput<typeof NewAreaPlaceSchema>;

export const AreaPlacePatchSchema = v.partial(v.pick(AreaPlaceSchema, ['kecamatan', 'kelurahan', 'deleted']));
export type AreaPlacePatch = v.InferOutput<typeof AreaPlacePatchSchema>;

/** `GET /api/area-places` (everyone signed in), `POST`/`PATCH` answer `{ place }`. */
export type AreaPlacesResponse = { places: AreaPlace[] };
export type AreaPlaceResponse = { place: AreaPlace };
