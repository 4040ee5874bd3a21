import * as v from 'valibot';
import { IsoDateSchema } from '../schema/common.schema';

/** What a report can be grouped by; one or two at once (e.g. `provider,funding-source`). */
export const REPORT_DIMENSIONS = ['year', 'funding-source', 'provider', 'cohort', 'vocation'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

export const GroupBySchema = v.pipe(
  v.string('invalid-type'),
  v.transform((text) => (text === '' ? [] : text.split(',').map((part) => part.trim()))),
  v.array(v.picklist(REPORT_DIMENSIONS, 'invalid-choice'), 'invalid-type'),
  v.maxLength(2, 'out-of-range'),
  v.check((dimensions) => new Set(dimensions).size === dimensions.length, 'invalid-choice'),
);

/**
 * `GET /api/reports/absorption?asOf=YYYY-MM-DD&groupBy=provider,funding-source`.
 * `asOf` is required: a figure without its date means nothing. `groupBy` may be empty
 * (only the totals).
 */
export const AbsorptionQuerySchema = v.object({
  asOf: IsoDateSchema,
  groupBy: v.optional(GroupBySchema, ''),
});
export type AbsorptionQuery = v.InferOutput<typeof AbsorptionQuerySchema>;

/**
 * The figures of one group. employed…neverContacted split the graduates, so they sum to
 * `graduated`; `reached` = employed + business + seeking (graduates reached at all, so a
 * low absorption rate is never confused with missing follow-up).
 */
export type AbsorptionFigures = {
  trained: number;
  graduated: number;
  certified: number;
  employed: number;
  business: number;
  seeking: number;
  unreachable: number;
  neverContacted: number;
  reached: number;
  /** (employed + business) / graduated; null when nobody graduated (no data, not 0). */
  absorptionRate: number | null;
};

/** The counts of a group in the order every table shows them (screen and exports); then `reached` and the rate. */
export const ABSORPTION_COUNTS = [
  'trained', 'graduated', 'certified', 'employed', 'business', 'seeking', 'unreachable', 'neverContacted',
] as const satisfies readonly (keyof AbsorptionFigures)[];

/** Every figure of a group, in table order. */
export const ABSORPTION_FIGURES = [...ABSORPTION_COUNTS, 'reached', 'absorptionRate'] as const;

export type AbsorptionGroup = AbsorptionFigures & {
  /** The group's values joined by `,` in `groupBy` order, e.g. `apbd-murni` or `<providerId>,apbd-murni`. */
  key: string;
  /** The same values by dimension, e.g. `{ provider: '<id>', 'funding-source': 'apbd-murni' }`. */
  keys: Partial<Record<ReportDimension, string>>;
  /**
   * Names for the values that are ids (provider, cohort, vocation), e.g.
   * `{ provider: 'LPK Barber Bontang' }`; year and funding source are their own words.
   */
  names: Partial<Record<ReportDimension, string>>;
};

/**
 * How much of the report alumni told themselves through their personal links (see
 * `selfReportCoverage`): statuses that came from an answer, links sent and answered.
 */
export type SelfReportCoverage = { statuses: number; linksSent: number; linksAnswered: number };

export type AbsorptionReport = {
  asOf: string;
  groupBy: ReportDimension[];
  /** Everyone, counted once even when in several groups. */
  total: AbsorptionFigures;
  groups: AbsorptionGroup[];
  /** Over `total`'s people. */
  selfReport: SelfReportCoverage;
};
