import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { areaChoices, type AreaChoices } from '../../shared/domain/area-places';
import { useDb } from './DbProvider';

const NO_CHOICES: AreaChoices = { kecamatan: [], kelurahan: new Map() };

/**
 * The office's kecamatan/kelurahan reference list on this device (pulled with the shared
 * scope), kept current; empty until the first pull brings it or when the office has none.
 */
export function useAreaChoices(): AreaChoices {
  const db = useDb();
  const [choices, setChoices] = useState<AreaChoices>(NO_CHOICES);
  useEffect(() => {
    const subscription = liveQuery(() => db.areaPlaces.toArray()).subscribe({
      next: (places) => setChoices(areaChoices(places)),
      // An unreadable list only costs the reference choices; forms and filters take typed values.
      error: () => setChoices(NO_CHOICES),
    });
    return () => subscription.unsubscribe();
  }, [db]);
  return choices;
}
