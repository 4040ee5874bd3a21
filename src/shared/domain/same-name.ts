import { foldText } from './search';

/**
 * Whether two spellings of a person's name are the same name, as a clerk would judge
 * with the person's ID card in hand. It decides whether an enrolment by NIK may attach
 * an existing person, so it forgives how names get typed in Indonesia and nothing more:
 *
 * - case, accents, punctuation and spacing (`Nur Aini`, `NURAINI`, `Nur-Aini`);
 * - the old spelling still on many ID cards: `oe`→`u` (Soekarno), `dj`→`j` (Djoko),
 *   `tj`→`c` (Tjahjo), `nj`→`ny`, `sj`→`sy`, and `j`→`y` before a vowel where the old
 *   `j` meant today's `y` (Jusuf, Tjahjo);
 * - doubled letters (`Muhammad`/`Muhamad`, `Ayyub`/`Ayub`) and `y`/`i` at the end of a
 *   word (`Hendry`/`Hendri`);
 * - the usual spellings of Muhammad (`Mohammad`, `Moch.`, `Muh.`, `Mhd.`).
 *
 * Initials, missing words and other names are not forgiven: `Fajar N.` is not
 * `Fajar Nugroho`. The NIK itself carries the birth date, so the name is what proves
 * the clerk knows the person.
 */
export function sameName(a: string, b: string): boolean {
  const key = nameKey(a);
  return key !== '' && key === nameKey(b);
}

const MUHAMMAD = new Set(['muhamad', 'mohamad', 'mochamad', 'mohamed', 'muhamed', 'moch', 'moh', 'muh', 'mhd']);

/** The comparable form of a name: its words folded and respelled, joined without spaces. */
export function nameKey(name: string): string {
  const words = foldText(name.replace(/['’`]/g, '')).split(' ').filter((word) => word !== '');
  return words.map(respell).join('');
}

function respell(word: string): string {
  const modern = word
    .replace(/oe/g, 'u')
    .replace(/dj/g, 'j')
    .replace(/tj/g, 'c')
    .replace(/nj/g, 'ny')
    .replace(/sj/g, 'sy')
    // What is left of an old `j` before a vowel was a `y` (after dj→j it is today's `j`:
    // both spellings of Djoko and Joko become `yoko`, which keeps them equal).
    .replace(/j(?=[aeiou])/g, 'y')
    .replace(/(.)\1+/g, '$1')
    .replace(/y$/, 'i');
  return MUHAMMAD.has(modern) ? 'muhamad' : modern;
}
