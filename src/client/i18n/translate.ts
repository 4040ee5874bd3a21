import type { ErrorCode } from '../../shared/errors';
import type { Dictionary, MessageKey } from './dictionary';

export type TranslateParams = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

/** Fills `{name}` placeholders; a placeholder without a value is left as written, to be seen. */
export function interpolate(template: string, params?: TranslateParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );
}

export function translator(dictionary: Dictionary): Translate {
  return (key, params) => interpolate(dictionary.messages[key], params);
}

/**
 * Words for an error code from the server or a schema. Codes come over the wire, so an
 * unknown one (a newer server) is shown as a generic message naming the code, never thrown.
 * The dictionary has words for every code (a type error otherwise), so it answers which
 * codes are known: the list of codes stays out of the first download.
 */
export function describeErrorCode(dictionary: Dictionary, code: string): string {
  return Object.hasOwn(dictionary.errors, code) ? dictionary.errors[code as ErrorCode] : interpolate(dictionary.messages['error.unknown'], { code });
}

/**
 * Error words are written as fragments ("wajib diisi") so they read after a field name;
 * shown on their own they become a sentence: "Wajib diisi."
 */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return trimmed;
  const capital = trimmed.charAt(0).toLocaleUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}
