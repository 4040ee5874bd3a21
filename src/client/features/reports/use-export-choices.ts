import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { JejakDb } from '../../storage/db';
import { useDb } from '../../storage/DbProvider';

export type ExportChoices = { providers: { id: string; name: string }[]; years: number[] };

/**
 * What the export filters offer: the providers and budget years on this device (a
 * supervisor's holds all of them), kept live so a first pull still arriving fills them
 * in. Empty until read, and empty if the read fails: the filters are optional, the
 * exports still work.
 */
export function useExportChoices(): ExportChoices {
  const db = useDb();
  const [choices, setChoices] = useState<ExportChoices>({ providers: [], years: [] });
  useEffect(() => {
    const subscription = liveQuery(() => readChoices(db)).subscribe({
      next: setChoices,
      error: () => setChoices({ providers: [], years: [] }),
    });
    return () => subscription.unsubscribe();
  }, [db]);
  return choices;
}

async function readChoices(db: JejakDb): Promise<ExportChoices> {
  const [providers, cohorts] = await db.transaction('r', [db.providers, db.cohorts], () => Promise.all([db.providers.toArray(), db.cohorts.toArray()]));
  return {
    providers: providers
      .filter((provider) => !provider.deleted)
      .map(({ id, name }) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'id')),
    years: [...new Set(cohorts.filter((cohort) => !cohort.deleted).map((cohort) => cohort.budgetYear))].sort((a, b) => b - a),
  };
}
