export { I18nProvider, useErrorText, useLanguage, useT, LANGUAGE_STORAGE_KEY, DEFAULT_LANGUAGE } from './I18nProvider';
export { LANGUAGES, LANGUAGE_NAMES, isLanguage } from './dictionary';
export type { Dictionary, Language, MessageKey } from './dictionary';
export type { Translate, TranslateParams } from './translate';
export { asSentence } from './translate';
