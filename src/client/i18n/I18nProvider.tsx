import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { Dictionary, Language } from './dictionary';
import { isLanguage } from './dictionary';
import { en } from './en';
import { id } from './id';
import type { Translate } from './translate';
import { describeErrorCode, translator } from './translate';

const DICTIONARIES: Record<Language, Dictionary> = { id, en };
export const DEFAULT_LANGUAGE: Language = 'id';
export const LANGUAGE_STORAGE_KEY = 'jejak.language';

type I18n = {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  /** Accepts any string: codes arrive over the wire, possibly from a newer server. */
  describeError: (code: string) => string;
};

function readStoredLanguage(): Language {
  try {
    const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be blocked (privacy settings); the default language still works.
    return DEFAULT_LANGUAGE;
  }
}

function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered across visits, but the switch itself still applies.
  }
}

function makeI18n(language: Language, setLanguage: (language: Language) => void): I18n {
  const dictionary = DICTIONARIES[language];
  return {
    language,
    setLanguage,
    t: translator(dictionary),
    describeError: (code) => describeErrorCode(dictionary, code),
  };
}

const I18nContext = createContext<I18n>(makeI18n(DEFAULT_LANGUAGE, () => undefined));

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [language, setLanguageState] = useState<Language>(readStoredLanguage);

  // Screen readers and the browser's hyphenation/translation follow <html lang>.
  useLayoutEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo(
    () =>
      makeI18n(language, (next) => {
        storeLanguage(next);
        setLanguageState(next);
      }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** `t(key, { name })` in the chosen language. */
export function useT(): Translate {
  return useContext(I18nContext).t;
}

/** The chosen language and the function that switches (and remembers) it. */
export function useLanguage(): [Language, (language: Language) => void] {
  const { language, setLanguage } = useContext(I18nContext);
  return [language, setLanguage];
}

/** Words for an error code in the chosen language: the one place codes become text. */
export function useErrorText(): (code: string) => string {
  return useContext(I18nContext).describeError;
}
