import type { Language } from '../i18n';
import { screenWordsHook } from './screen-words';

/**
 * Words of the searchable, paged lists (cohorts, users) and of the wide tables. Beside the lazy screens that use
 * them rather than in the app's dictionaries, which are part of the first download.
 */
const id = {
  search: 'Cari',
  all: 'Semua',
  clear: 'Hapus pencarian dan filter',
  noMatch: 'Tidak ada yang cocok dengan pencarian dan filter ini.',
  range: '{first}–{last} dari {total}',
  pages: 'Halaman daftar',
  previous: 'Sebelumnya',
  next: 'Berikutnya',
  allRoles: 'Semua peran',
  scrollHint: 'Geser → untuk kolom lainnya',
};

export type ListWord = keyof typeof id;

const en: Record<ListWord, string> = {
  search: 'Search',
  all: 'All',
  clear: 'Clear search and filters',
  noMatch: 'Nothing matches this search and these filters.',
  range: '{first}–{last} of {total}',
  pages: 'List pages',
  previous: 'Previous',
  next: 'Next',
  allRoles: 'All roles',
  scrollHint: 'Swipe → for more columns',
};

/** `l(key)` in the chosen language. */
export const useListWords = screenWordsHook<ListWord>({ id, en } satisfies Record<Language, Record<ListWord, string>>);
