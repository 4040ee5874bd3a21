import type { SessionUser } from '../../shared/api/auth.api';
import type { Cursor } from '../../shared/sync/protocol';
import { maySyncScope } from '../access/scope';

/** Where a pull starts: the cursor to read after, and whether the client must forget what it holds first. */
export type PullStart = { cursor: Cursor; reset: boolean };

/**
 * The cursor a pull continues from. It starts over (`reset`, an empty cursor: every
 * readable scope from version 0) when there is no cursor, when the cursor holds a scope
 * the user may no longer read — their role or provider changed, so the device holds
 * records it must drop — or when it is ahead of this server's feed (the database was
 * restored from a backup), which no continuation can repair. A readable scope missing
 * from the cursor (access gained) is simply read from version 0.
 */
export function startingCursor(user: SessionUser, requested: Cursor | null, versions: ReadonlyMap<string, number>): PullStart {
  if (requested === null) return { cursor: {}, reset: true };
  for (const [scope, version] of Object.entries(requested)) {
    if (!maySyncScope(user, scope) || version > (versions.get(scope) ?? 0)) return { cursor: {}, reset: true };
  }
  return { cursor: { ...requested }, reset: false };
}

/** The scopes a user's pull reads, in the order pages are filled: every readable scope that has changes. */
export function scopesToPull(user: SessionUser, versions: ReadonlyMap<string, number>): string[] {
  return [...versions.keys()].filter((scope) => maySyncScope(user, scope)).sort();
}
