import * as v from 'valibot';
import { ALUMNUS_STATUSES, MONEY_BANDS } from '../schema/follow-up.schema';
import { choice, optionalText } from '../schema/common.schema';

/** What an alumnus may answer: one of the statuses, or that they prefer not to say. */
export const SELF_REPORT_STATUSES = [...ALUMNUS_STATUSES, 'undisclosed'] as const;
export type SelfReportStatus = (typeof SELF_REPORT_STATUSES)[number];

/** `YYYY-MM`, a month input's value: people remember the month they started, not the day. */
const MonthSchema = v.pipe(
  v.string('invalid-type'),
  v.regex(/^(19[5-9]\d|20\d\d)-(0[1-9]|1[0-2])$/, 'invalid-month'),
);

/**
 * `POST /api/self-report/<token>` (JSON) and the answer page's form (urlencoded, the
 * same fields). Details are optional, as on an officer's form; the fields of a status
 * not chosen are ignored.
 */
export const SelfReportAnswerSchema = v.object({
  status: choice(SELF_REPORT_STATUSES),
  employer: v.optional(optionalText(160), ''),
  jobTitle: v.optional(optionalText(120), ''),
  sector: v.optional(optionalText(120), ''),
  incomeBand: v.optional(v.nullable(choice(MONEY_BANDS)), null),
  businessKind: v.optional(optionalText(120), ''),
  businessStarted: v.optional(v.nullable(MonthSchema), null),
  notes: v.optional(optionalText(1000), ''),
});
export type SelfReportAnswer = v.InferOutput<typeof SelfReportAnswerSchema>;

export type SelfReportAnswerResponse = { answered: true };

/** `POST /api/alumni/:id/self-report-links`: the link to send, once; the server keeps only a hash of its token. */
export type NewSelfReportLinkResponse = { id: string; url: string; expiresAt: string };
