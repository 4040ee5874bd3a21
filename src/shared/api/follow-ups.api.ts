import * as v from 'valibot';
import { plainText } from '../domain/spreadsheet-text';
import { IdSchema, storableText } from '../schema/common.schema';
import { FollowUpSchema, type FollowUp } from '../schema/follow-up.schema';
import { PageQueryEntries, type Page } from './page.api';

const followUp = FollowUpSchema.pipe[0].entries;

/** `GET /api/follow-ups?alumnusId=&limit=&offset=`, newest contact first, voided included. */
export const FollowUpListQuerySchema = v.object({
  alumnusId: v.optional(IdSchema),
  ...PageQueryEntries,
});
export type FollowUpListQuery = v.InferOutput<typeof FollowUpListQuerySchema>;

/**
 * `POST /api/follow-ups`. The author (`officerId`) is whoever is signed in, whatever the
 * body says; a new follow-up is never voided. `id` may be made by the client: sending the
 * same id and content again (a retry after a lost response) answers the stored record
 * with 200 instead of logging the contact twice. The rules across fields (a reached
 * contact records a status…) are those of FollowUpSchema, checked on the whole record.
 */
export const NewFollowUpSchema = v.object({
  id: v.optional(IdSchema),
  alumnusId: followUp.alumnusId,
  contactedAt: followUp.contactedAt,
  channel: followUp.channel,
  reached: followUp.reached,
  unreachedReason: v.optional(followUp.unreachedReason, null),
  status: v.optional(followUp.status, null),
  statusStartDate: v.optional(followUp.statusStartDate, null),
  employer: v.optional(followUp.employer, ''),
  jobTitle: v.optional(followUp.jobTitle, ''),
  sector: v.optional(followUp.sector, ''),
  incomeBand: v.optional(followUp.incomeBand, null),
  businessName: v.optional(followUp.businessName, ''),
  businessKind: v.optional(followUp.businessKind, ''),
  businessEmployees: v.optional(followUp.businessEmployees, null),
  revenueBand: v.optional(followUp.revenueBand, null),
  notes: v.optional(followUp.notes, ''),
  gpsLat: v.optional(followUp.gpsLat, null),
  gpsLng: v.optional(followUp.gpsLng, null),
  gpsAccuracy: v.optional(followUp.gpsAccuracy, null),
  nextFollowUpDate: v.optional(followUp.nextFollowUpDate, null),
});
export type NewFollowUpRequest = v.InferOutput<typeof NewFollowUpSchema>;

/** `POST /api/follow-ups/:id/void`: only the author may void, once. */
export const VoidFollowUpSchema = v.object({
  reason: v.pipe(v.string('invalid-type'), storableText(), v.transform(plainText), v.trim(), v.minLength(1, 'reason-required'), v.maxLength(500, 'too-long')),
});
export type VoidFollowUpRequest = v.InferOutput<typeof VoidFollowUpSchema>;

export type FollowUpListResponse = { followUps: FollowUp[]; page: Page };
export type FollowUpResponse = { followUp: FollowUp };
