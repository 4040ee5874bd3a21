import type { SessionUser } from '../../shared/api/auth.api';
import { isPersonCursor, type Cursor, type PersonCursor, type PullCursor } from '../../shared/sync/protocol';
import { maySyncScope } from '../access/scope';

/**
 * Where a pull starts, and whether the client must forget what it holds first. `feed`
 * reads the change feed after `cursor`; `persons` goes person by person (a first pull
 * the client asked to take so), from `cursor` or, when null, from its beginning.
 */
export type PullStart = { kind: 'feed'; cursor: Cursor; reset: boolean } | { kind: 'persons'; cursor: PersonCursor | null; reset: boolean };

/**
 * The cursor a pull continues from. It starts over (`reset`: every readable scope from
 * its beginning) when there is no cursor, when the cursor holds a scope the user may no
 * longer read — their role or provider changed, so the device holds records it must
 * drop — or when it is ahead of this server's feed (the database was restored from a
 * backup), which no continuation can repair. A readable scope missing from the cursor
 * (access gained) is simply read from version 0. A first pull by person is checked by
 * the feed cursor it will continue from, the same way.
 */
export function startingCursor(user: SessionUser, requested: PullCursor | null, versions: ReadonlyMap<string, number>, byPerson: boolean): PullStart {
  const over: PullStart = byPerson ? { kind: 'persons', cursor: null, reset: true } : { kind: 'feed', cursor: {}, reset: true };
  if (requested === null) return over;
  const feed = isPersonCursor(requested) ? requested.feed : requested;
  for (const [scope, version] of Object.entries(feed)) {
    if (!maySyncScope(user, scope) || version > (versions.get(scope) ?? 0)) return over;
  }
  if (!isPersonCursor(requested)) return { kind: 'feed', cursor: { ...requested }, reset: false };
  // Asked without `byPerson` (an app that cannot take such pages any more): start over by the feed.
  return byPerson ? { kind: 'persons', cursor: requested, reset: false } : over;
}

/** The scopes a user's pull reads, in the order pages are filled: every readable scope that has changes. */
export function scopesToPull(user: SessionUser, versions: ReadonlyMap<string, number>): string[] {
  return [...versions.keys()].filter((scope) => maySyncScope(user, scope)).sort();
}
