import { useId, useMemo, useRef } from 'preact/hooks';
import { MIN_DIGITS, parseQuery } from '../../../shared/domain/search';
import { useLanguage, useT } from '../../i18n';
import { useAlumniWords } from './alumni-words';
import { searchNarrowing, type Narrowed } from './narrowing-search';
import { searchCandidatesOf } from './search-candidates';
import { SearchResults } from './SearchResults';
import { useAlumniIndex, type AlumniIndex } from './use-alumni-index';
import { useQueryInAddress } from './use-query-in-address';
import './alumni.css';

/** More would be a list to scroll, not an answer: the officer types another letter instead. */
export const RESULT_LIMIT = 50;

/**
 * `/alumni`: find anyone this device holds by name, NIK or phone, answered on every
 * keystroke from an index prepared once per data load. The query lives in the address
 * (`?q=`, replaced, not pushed, per keystroke, outside the router: see
 * useQueryInAddress), so coming back from an alumnus shows the same results.
 */
export function AlumniSearchPage() {
  const t = useT();
  const w = useAlumniWords();
  const inputId = useId();
  const hintId = useId();
  const index = useAlumniIndex();
  const [text, type] = useQueryInAddress('/alumni');

  return (
    <section class="screen alumni">
      <h1>{t('alumni.title')}</h1>
      <form
        role="search"
        class="alumni-search"
        onSubmit={(event) => {
          event.preventDefault();
          // Enter closes the phone's keyboard, so the results it covered come into view.
          (event.currentTarget.elements.namedItem('q') as HTMLInputElement | null)?.blur();
        }}
      >
        <label class="field__label" for={inputId}>
          {w('search.label')}
        </label>
        <input
          id={inputId}
          class="field__input alumni-search__input"
          type="search"
          name="q"
          value={text}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellcheck={false}
          enterKeyHint="search"
          aria-describedby={hintId}
          onInput={(event) => type(event.currentTarget.value)}
        />
        <p id={hintId} class="field__hint">
          {w('search.hint')}
        </p>
      </form>
      {index === undefined ? <p role="status">{w('search.loading')}</p> : <Answer index={index} query={text} />}
    </section>
  );
}

function Answer({ index, query }: { index: AlumniIndex; query: string }) {
  const w = useAlumniWords();
  const [language] = useLanguage();
  const candidates = useMemo(() => searchCandidatesOf(index.entries), [index]);
  // What the last query matched on this index: the next key searches only among those.
  const last = useRef<{ index: AlumniIndex; narrowed: Narrowed | null } | null>(null);
  const result = useMemo(() => {
    const previous = last.current?.index === index ? last.current.narrowed : null;
    const found = searchNarrowing(candidates, previous, query, RESULT_LIMIT);
    last.current = { index, narrowed: found.narrowed };
    return found;
  }, [index, candidates, query]);
  const terms = useMemo(() => parseQuery(query), [query]);
  // The same array while the answer is the same, so the results list can tell a new answer.
  const alumni = useMemo(() => result.ids.flatMap((id) => index.byId.get(id) ?? []), [index, result]);

  let status: string;
  if (terms.length === 0) {
    status = index.entries.length === 0 ? w('search.emptyDevice') : w('search.empty', { count: index.entries.length.toLocaleString(LOCALES[language]) });
  } else if (result.total === 0) {
    const onlyShortNumbers = terms.every((term) => term.kind === 'digits' && term.raw.length < MIN_DIGITS);
    status = onlyShortNumbers ? w('search.tooShort') : w('search.none', { query: query.trim() });
  } else {
    const count = result.total.toLocaleString(LOCALES[language]);
    status = result.total > alumni.length ? w('search.foundMany', { count, shown: alumni.length }) : w('search.found', { count });
  }

  return (
    <>
      {/* A polite live region: screen readers tell the count without cutting into the typing. */}
      <p role="status" class="alumni__status">
        {status}
      </p>
      {alumni.length > 0 && <SearchResults alumni={alumni} />}
    </>
  );
}

const LOCALES = { id: 'id-ID', en: 'en-GB' } as const;
