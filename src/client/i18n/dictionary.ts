import type { ErrorCode } from '../../shared/errors';
import type { id } from './id';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, so a reader finds their own language whatever is shown. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  id: 'Bahasa Indonesia',
  en: 'English',
};

export type MessageKey = keyof typeof id.messages;

/**
 * The shape every dictionary has, derived from the Indonesian one: a dictionary typed
 * `Dictionary` that misses a key or adds one is a type error.
 */
export type Dictionary = {
  messages: Record<MessageKey, string>;
  errors: Record<ErrorCode, string>;
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
