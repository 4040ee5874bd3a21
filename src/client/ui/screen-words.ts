import type { Language, TranslateParams } from '../i18n';
import { useLanguage } from '../i18n';

/** A lazy screen's own translator: `w(key, { count })` in the chosen language. */
export type ScreenTranslate<K extends string> = (key: K, params?: TranslateParams) => string;

/**
 * The hook a lazy screen uses for its own words, kept beside its code rather than in the
 * app's dictionaries, which are part of the first download. Only lazy chunks import this
 * module, so it never adds to the first download either.
 */
export function screenWordsHook<K extends string>(words: Record<Language, Record<K, string>>): () => ScreenTranslate<K> {
  return function useScreenWords() {
    const [language] = useLanguage();
    const chosen = words[language];
    return (key, params) => fill(chosen[key], params, language);
  };
}

/**
 * `{name}` placeholders, as the app's translator fills them. Not imported from
 * i18n/translate.ts: reaching into that module from a lazy chunk makes the bundler split
 * the first download into more pieces, which costs more than these lines.
 */
export function fill(template: string, params: TranslateParams | undefined, language: Language): string {
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (Object.hasOwn(params, name) ? shown(name, params[name], language) : placeholder));
}

/** Counts read as the language groups them ("1.306 alumni", "1,306 alumni"); years, ids and numbers of a sort stay as they are. */
const COUNTS = new Set(['count', 'all', 'total', 'shown', 'seats', 'imported', 'valid', 'rejected', 'days']);
const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

function shown(name: string, value: unknown, language: Language): string {
  return typeof value === 'number' && COUNTS.has(name) ? value.toLocaleString(LOCALES[language]) : String(value);
}
