import { lazy } from 'preact-iso';

/**
 * The worklist, loaded in a chunk of its own (with the due-date rule, its words and
 * styles): the first download an officer waits for on weak signal stays small, and the
 * service worker precaches the chunk, so the home screen still opens offline.
 */
export const WorklistScreen = lazy(() => import('./WorklistPage').then((module) => module.WorklistPage));
