import { liveQuery } from 'dexie';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { useDb } from '../../storage/DbProvider';
import { drawSelfReportToken } from '../../storage/self-report-tokens.repository';
import { selfReportLinksOf, type LocalSelfReportLink } from '../../storage/self-report-links.repository';
import type { MutateResult } from '../../sync/mutate';
import { useMutate } from '../../sync/SyncProvider';
import { newRecordId } from '../../../shared/record-id';

/** The alumnus page's section of links, by address: the worklist's link tap leads there. */
export const SELF_REPORT_LINKS_ANCHOR = 'tautan-isi-sendiri';

/** The person's answer links, kept current (a sync, a withdrawal, another tab); undefined while first read. */
export function useSelfReportLinks(alumnusId: string): LocalSelfReportLink[] | undefined {
  const db = useDb();
  const [links, setLinks] = useState<{ rows: LocalSelfReportLink[] | undefined } | { failure: unknown }>({ rows: undefined });
  useEffect(() => {
    setLinks({ rows: undefined });
    const subscription = liveQuery(() => selfReportLinksOf(db, alumnusId)).subscribe({
      next: (rows) => setLinks({ rows }),
      error: (failure: unknown) => setLinks({ failure }),
    });
    return () => subscription.unsubscribe();
  }, [db, alumnusId]);
  if ('failure' in links) throw links.failure;
  return links.rows;
}

/**
 * Makes a new answer link for a person, offline or not: this device draws the token
 * (144 random bits) and keeps it, and the link is queued like any change. It works
 * once the server has it, after the next sync.
 */
export function useCreateSelfReportLink(): (alumnusId: string) => Promise<MutateResult> {
  const mutate = useMutate();
  return useCallback(
    (alumnusId: string) => mutate('self-report-link.create', { id: newRecordId(), alumnusId, token: drawSelfReportToken() }),
    [mutate],
  );
}
