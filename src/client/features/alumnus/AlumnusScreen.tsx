import { lazy } from 'preact-iso';

/**
 * The alumnus page, loaded on first visit in a chunk of its own (with its words and
 * styles): the first screen an officer waits for on weak signal stays small, and the
 * service worker precaches the chunk, so the page still opens offline.
 */
export const AlumnusScreen = lazy(() => import('./AlumnusPage').then((module) => module.AlumnusPage));
