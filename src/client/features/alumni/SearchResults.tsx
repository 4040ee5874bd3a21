import type { Alumnus } from '../../../shared/schema';
import { useAlumniWords } from './alumni-words';

/** The people found, each a link to their page with what tells two namesakes apart. */
export function SearchResults({ alumni }: { alumni: readonly Alumnus[] }) {
  const w = useAlumniWords();
  return (
    <ol class="cards alumni__results">
      {alumni.map((alumnus) => (
        <li key={alumnus.id} class="card alumni__result">
          <h2 class="card__title">
            <a class="alumni__name" href={`/alumni/${alumnus.id}`}>
              {alumnus.name}
            </a>
          </h2>
          <dl class="facts alumni__facts">
            <dt>{w('result.nik')}</dt>
            <dd class="mono">{alumnus.nik}</dd>
            <dt>{w('result.kecamatan')}</dt>
            <dd>{alumnus.kecamatan || w('result.none')}</dd>
            <dt>{w('result.phone')}</dt>
            <dd>{alumnus.phone ?? alumnus.whatsapp ?? w('result.none')}</dd>
          </dl>
        </li>
      ))}
    </ol>
  );
}
