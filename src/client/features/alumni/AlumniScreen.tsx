import { lazy } from 'preact-iso';

/**
 * The alumni search, loaded in a chunk of its own (with the search rule, its words and
 * styles): the first download stays small on weak signal, and the service worker
 * precaches the chunk, so search still opens offline.
 */
export const AlumniScreen = lazy(() => import('./AlumniSearchPage').then((module) => module.AlumniSearchPage));
