import { useEffect, useState } from 'preact/hooks';
import type { AbsorptionReport, ReportDimension } from '../../../shared/api/reports.api';
import { useOnline } from '../../app/use-online';
import { useDb } from '../../storage/DbProvider';
import { rebuildStaleReportFacts } from '../../sync/report-facts';
import { fetchAbsorptionReport } from './fetch-absorption-report';
import { localAbsorptionReport } from './local-absorption-report';

/** A report and where it came from: the server, or this device's data when the server could not answer. */
export type ReportResult =
  | { source: 'server'; report: AbsorptionReport }
  | { source: 'device'; report: AbsorptionReport; lastSyncedAt: string | null };

/** Why there is no report: the server refused (its code), or the device's data could not be read. */
export type ReportProblem = { kind: 'server'; code: string } | { kind: 'device' };

export type ReportState = {
  /** The last report shown; kept while the next one loads, so the screen never blanks. */
  result: ReportResult | null;
  loading: boolean;
  problem: ReportProblem | null;
  /** Asks the server again (after "server unreachable"). */
  retry: () => void;
};

/**
 * The absorption report for `asOf` grouped by `groupBy` (null: the date is not valid,
 * nothing is asked). The server is asked first; when it cannot answer — offline,
 * unreachable, a 5xx, an answer of the wrong shape, or an older server without the
 * report (404) — the same shared rule runs over this device's data instead. A refusal
 * (401, 403, 400) is shown as it is: local figures would hide a real problem.
 */
export function useAbsorptionReport(asOf: string | null, groupBy: readonly ReportDimension[]): ReportState {
  const db = useDb();
  // Going offline or back online asks again: the figures follow the network without a click.
  const online = useOnline();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<ReportState, 'retry'>>({ result: null, loading: asOf !== null, problem: null });
  const groupKey = groupBy.join(',');

  // Facts left stale by an app update (or a sync cut short) are computed as the dashboard
  // opens, online or not, so the first offline report need not wait for them. A failure
  // here is harmless: the offline report computes them before it reads.
  useEffect(() => {
    rebuildStaleReportFacts(db).catch(() => undefined);
  }, [db]);

  useEffect(() => {
    if (asOf === null) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    void (async () => {
      const next = await load(db, asOf, groupBy);
      if (current) setState({ ...next, loading: false });
    })();
    return () => {
      current = false;
    };
  }, [db, asOf, groupKey, attempt, online]);

  return { ...state, retry: () => setAttempt((count) => count + 1) };
}

type Loaded = { result: ReportResult | null; problem: ReportProblem | null };

/** _Never_ throws: every ending is a state the screen shows. */
async function load(db: ReturnType<typeof useDb>, asOf: string, groupBy: readonly ReportDimension[]): Promise<Loaded> {
  try {
    // Offline, the request could only fail after its timeout: go straight to the device.
    const answer = navigator.onLine ? await fetchAbsorptionReport(asOf, groupBy) : null;
    if (answer?.kind === 'ok') {
      return { result: { source: 'server', report: answer.value }, problem: null };
    }
    if (answer?.kind === 'error' && !serverCannotAnswer(answer.status)) {
      return { result: null, problem: { kind: 'server', code: answer.error.code } };
    }
    const local = await localAbsorptionReport(db, asOf, groupBy);
    return { result: { source: 'device', ...local }, problem: null };
  } catch {
    return { result: null, problem: { kind: 'device' } };
  }
}

/** A fault or an older server, not a refusal: the device's figures stand in. */
function serverCannotAnswer(status: number): boolean {
  return status >= 500 || status === 404;
}
