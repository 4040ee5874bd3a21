import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { areaChoices } from '../../../shared/domain/area-places';
import { useDb } from '../../storage/DbProvider';

/**
 * The kecamatan of the office's reference list on this device (pulled with the shared
 * scope), kept current; empty until the first pull brings it or when the office has none.
 */
export function useAreaKecamatan(): string[] {
  const db = useDb();
  const [kecamatan, setKecamatan] = useState<string[]>([]);
  useEffect(() => {
    const subscription = liveQuery(() => db.areaPlaces.toArray()).subscribe({
      next: (places) => setKecamatan(areaChoices(places).kecamatan),
      // An unreadable list only costs the filter its reference choices; the rows still show.
      error: () => setKecamatan([]),
    });
    return () => subscription.unsubscribe();
  }, [db]);
  return kecamatan;
}
