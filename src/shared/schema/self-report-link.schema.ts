import * as v from 'valibot';
import { IdSchema, IsoDateTimeSchema, RecordFields, choice } from './common.schema';

/**
 * What a link's record stores: open until the alumnus answers (`answered`) or an officer
 * withdraws it (`withdrawn`). "Expired" is not stored: an open link past `expiresAt` is
 * expired (`selfReportLinkState`), so no job has to run at midnight to say so.
 */
export const SELF_REPORT_LINK_STATUSES = ['open', 'answered', 'withdrawn'] as const;
export type SelfReportLinkStatus = (typeof SELF_REPORT_LINK_STATUSES)[number];

/**
 * A personal answer link as devices see it. Never the token, nor its hash: the token
 * lives only on the device that made it (to show and resend the URL) and in the
 * alumnus's message; the server keeps a SHA-256 of it, outside this record.
 */
export const SelfReportLinkSchema = v.object({
  ...RecordFields,
  alumnusId: IdSchema,
  /** The user who made the link. */
  createdBy: IdSchema,
  expiresAt: IsoDateTimeSchema,
  status: choice(SELF_REPORT_LINK_STATUSES),
  answeredAt: v.nullable(IsoDateTimeSchema),
  /** The follow-up the answer became. */
  followUpId: v.nullable(IdSchema),
  withdrawnAt: v.nullable(IsoDateTimeSchema),
  withdrawnBy: v.nullable(IdSchema),
});
export type SelfReportLink = v.InferOutput<typeof SelfReportLinkSchema>;

/**
 * A link's secret: at least 128 random bits, base64url without padding (22 characters
 * for 16 bytes). The bound above keeps a guesser from making us hash megabytes.
 */
export const SelfReportTokenSchema = v.pipe(
  v.string('invalid-type'),
  v.regex(/^[A-Za-z0-9_-]{22,86}$/, 'invalid-token'),
);
