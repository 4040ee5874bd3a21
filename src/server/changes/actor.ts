import type { SessionUser } from '../../shared/api/auth.api';

/**
 * Who makes a change, and from where. The HTTP routes and the sync push call the same
 * change functions; the push adds the device and the mutation's clock.
 */
export type Actor = {
  user: SessionUser;
  /** The device a synced mutation came from (recorded in the audit log); null for a direct API call. */
  clientId: string | null;
  /**
   * The mutation's hybrid logical clock, already clamped by the server; it settles
   * last-writer-wins fields. Null for a direct API call: that edit is made now, on the
   * server, by someone looking at the current value, so it wins.
   */
  hlc: string | null;
};

export function apiActor(user: SessionUser): Actor {
  return { user, clientId: null, hlc: null };
}

/**
 * An alumnus answering through their personal link: the author of that one follow-up
 * about themselves (channel `self-report`), with no session and no role.
 */
export type AlumnusAuthor = { alumnusId: string };
