import { useEffect, useState } from 'preact/hooks';
import { formatPhone } from '../../../shared/domain/phone';
import type { Alumnus } from '../../../shared/schema';
import { useAlumniWords } from './alumni-words';

/**
 * Results laid out in the frame of a keystroke: a screenful of cards. Fifty cards cost a
 * phone more than a frame; the rest follow right after that frame is painted.
 */
export const FIRST_PAINT_RESULTS = 8;

/** The people found, each a link to their page with what tells two namesakes apart. */
export function SearchResults({ alumni }: { alumni: readonly Alumnus[] }) {
  const w = useAlumniWords();
  const [whole, setWhole] = useState<readonly Alumnus[] | null>(null);
  // Effects run after paint: the first cards are on screen before the rest are made.
  useEffect(() => setWhole(alumni), [alumni]);
  const shown = whole === alumni ? alumni : alumni.slice(0, FIRST_PAINT_RESULTS);
  return (
    <ol class="cards alumni__results">
      {shown.map((alumnus) => (
        <li key={alumnus.id} class="card alumni__result">
          <h2 class="card__title">
            <a class="alumni__name whole-card-link" href={`/alumni/${alumnus.id}`}>
              {alumnus.name}
            </a>
          </h2>
          <dl class="facts alumni__facts">
            <dt>{w('result.nik')}</dt>
            <dd class="mono">{alumnus.nik}</dd>
            <dt>{w('result.kecamatan')}</dt>
            <dd>{alumnus.kecamatan || w('result.none')}</dd>
            <dt>{w('result.phone')}</dt>
            <dd>{formatPhone(alumnus.phone ?? alumnus.whatsapp ?? '') || w('result.none')}</dd>
          </dl>
        </li>
      ))}
    </ol>
  );
}
