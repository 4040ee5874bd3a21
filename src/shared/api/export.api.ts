import * as v from 'valibot';
import { FUNDING_SOURCES } from '../schema/cohort.schema';
import { IdSchema, IsoDateSchema } from '../schema/common.schema';
import { GroupBySchema } from './reports.api';

/** `GET /api/export/<table>.<format>`: supervisors and admins. */
export const EXPORT_TABLES = ['alumni', 'follow-ups', 'cohorts', 'absorption'] as const;
export type ExportTableName = (typeof EXPORT_TABLES)[number];
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The query of every export. `asOf` (default: today in the office's zone) dates the
 * statuses and figures and ends the follow-ups; the filters narrow the cohorts, and
 * alumni and follow-ups follow the cohorts their people enrolled in. `groupBy` is for
 * the absorption table (default `provider`); `separator=;` writes the CSV for Excel set
 * to Indonesian, which reads `,` as the decimal mark.
 */
export const ExportQuerySchema = v.object({
  asOf: v.optional(IsoDateSchema),
  provider: v.optional(IdSchema),
  fundingSource: v.optional(v.picklist(FUNDING_SOURCES, 'invalid-choice')),
  year: v.optional(
    v.pipe(v.string('invalid-type'), v.regex(/^\d{4}$/, 'out-of-range'), v.transform(Number), v.minValue(2000, 'out-of-range'), v.maxValue(2100, 'out-of-range')),
  ),
  cohort: v.optional(IdSchema),
  groupBy: v.optional(GroupBySchema, 'provider'),
  separator: v.optional(v.picklist([',', ';'], 'invalid-choice'), ','),
});
export type ExportQuery = v.InferOutput<typeof ExportQuerySchema>;
