import * as v from 'valibot';
import { REPORT_DIMENSIONS, type AbsorptionReport, type ReportDimension } from '../../../shared/api/reports.api';
import { apiRequest, type ApiOutcome } from '../../api/api-request';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const FiguresWire = {
  trained: count,
  graduated: count,
  certified: count,
  employed: count,
  business: count,
  seeking: count,
  unreachable: count,
  neverContacted: count,
  reached: count,
  absorptionRate: v.nullable(v.number()),
};

// By dimension; checked key by key so the output keeps the contract's Partial<Record> type.
const ByDimensionWire = v.pipe(
  v.record(v.string(), v.string()),
  v.check((record) => Object.keys(record).every((key) => (REPORT_DIMENSIONS as readonly string[]).includes(key))),
  v.transform((record) => record as Partial<Record<ReportDimension, string>>),
);

const ReportWire = v.object({
  asOf: v.string(),
  groupBy: v.array(v.picklist(REPORT_DIMENSIONS)),
  total: v.object(FiguresWire),
  groups: v.array(v.object({ ...FiguresWire, key: v.string(), keys: ByDimensionWire, names: ByDimensionWire })),
  // A server from before self-report links sends none: nothing to count.
  selfReport: v.optional(v.object({ statuses: count, linksSent: count, linksAnswered: count }), { statuses: 0, linksSent: 0, linksAnswered: 0 }),
});

/** The query string the server reads: `asOf=2024-08-31&groupBy=provider%2Cfunding-source`. */
export function absorptionQuery(asOf: string, groupBy: readonly ReportDimension[]): string {
  return new URLSearchParams({ asOf, groupBy: groupBy.join(',') }).toString();
}

/**
 * The server's absorption report, checked before the screen sees it. _Never_ throws:
 * an answer that is not the contract's shape counts as a server fault (5xx), which the
 * dashboard treats like an unreachable server and answers from this device's data.
 */
export async function fetchAbsorptionReport(asOf: string, groupBy: readonly ReportDimension[]): Promise<ApiOutcome<AbsorptionReport>> {
  const result = await apiRequest(`/api/reports/absorption?${absorptionQuery(asOf, groupBy)}`);
  if (result.kind !== 'ok') return result;
  const parsed = v.safeParse(ReportWire, result.body);
  if (parsed.success) return { kind: 'ok', value: parsed.output };
  return { kind: 'error', status: 502, error: { code: 'internal', message: 'unexpected answer' }, retryAfterSeconds: null };
}
