import { useId } from 'preact/hooks';
import type { Alumnus } from '../../../shared/schema';
import { useLanguage } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { useAlumnusWords, type AlumnusTranslate } from './alumnus-words';

/** Who the person is: read-only here (identity is corrected by provider staff, not in the field). */
export function IdentityFacts({ alumnus }: { alumnus: Alumnus }) {
  const w = useAlumnusWords();
  const [language] = useLanguage();
  const headingId = useId();
  return (
    <section class="alumnus__section" aria-labelledby={headingId}>
      <h2 id={headingId}>{w('identity.title')}</h2>
      <dl class="facts">
        <dt>{w('identity.nik')}</dt>
        <dd class="mono">{alumnus.nik}</dd>
        <dt>{w('identity.gender')}</dt>
        <dd>{w(`gender.${alumnus.gender}`)}</dd>
        <dt>{w('identity.birthPlace')}</dt>
        <dd>{alumnus.birthPlace || w('empty')}</dd>
        <dt>{w('identity.birthDate')}</dt>
        <dd>{formatDate(alumnus.birthDate, language)}</dd>
        <dt>{w('identity.education')}</dt>
        <dd>{educationText(w, alumnus.education)}</dd>
        <dt>{w('identity.kelurahan')}</dt>
        <dd>{alumnus.kelurahan || w('empty')}</dd>
        <dt>{w('identity.kecamatan')}</dt>
        <dd>{alumnus.kecamatan || w('empty')}</dd>
      </dl>
    </section>
  );
}

/** SD, SMK, D3, S1…: the abbreviations read the same in both languages. */
function educationText(w: AlumnusTranslate, level: Alumnus['education']): string {
  return level === 'none' ? w('education.none') : level.toUpperCase();
}
