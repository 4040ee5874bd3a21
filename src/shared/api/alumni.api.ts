import * as v from 'valibot';
import { AlumnusSchema, type Alumnus } from '../schema/alumnus.schema';
import { IdSchema, storableText } from '../schema/common.schema';
import type { Enrollment } from '../schema/enrollment.schema';
import type { FollowUp } from '../schema/follow-up.schema';
import { PageQueryEntries, type Page } from './page.api';

/**
 * `GET /api/alumni?q=&cohortId=&limit=&offset=`. `q` is a fragment of a name (any case),
 * a NIK or a phone/WhatsApp number (typed as `0812…`, `62812…` or `+62 812…`).
 */
export const AlumniListQuerySchema = v.object({
  q: v.optional(v.pipe(v.string('invalid-type'), storableText(), v.trim(), v.maxLength(100, 'too-long'))),
  cohortId: v.optional(IdSchema),
  ...PageQueryEntries,
});
export type AlumniListQuery = v.InferOutput<typeof AlumniListQuerySchema>;

/**
 * `PATCH /api/alumni/:id/contact`: the fields an officer may correct in the field. Phone
 * numbers are normalised to `+62…`; null clears one. Identity (NIK, name, birth date)
 * is not editable here.
 */
export const AlumnusContactPatchSchema = v.partial(
  v.pick(AlumnusSchema, ['phone', 'whatsapp', 'address', 'kelurahan', 'kecamatan', 'birthPlace', 'email', 'regency', 'province']),
);
export type AlumnusContactPatch = v.InferOutput<typeof AlumnusContactPatchSchema>;

export type AlumniListResponse = { alumni: Alumnus[]; page: Page };

/**
 * `GET /api/alumni/:id`: the person, their enrollments the reader may see (provider staff:
 * in their own provider's cohorts only) and every follow-up, newest first, voided included.
 */
export type AlumnusDetailResponse = { alumnus: Alumnus; enrollments: Enrollment[]; followUps: FollowUp[] };
export type AlumnusResponse = { alumnus: Alumnus };
