import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { PullRequestSchema, PushRequestSchema, type PullResponse, type PushResponse } from '../../shared/sync/protocol';
import { assertAllowed } from '../access/scope';
import type { AppEnv, Clock } from '../auth/context';
import { currentUser } from '../auth/require-user';
import type { Database } from '../db/schema';
import { pullChanges } from '../sync/pull';
import { pushMutations, type PushHooks } from '../sync/push';
import { parseSyncBody } from './sync/parse-sync-body';
import { RETRY_AFTER_SECONDS } from '../http/on-error';
import { bulkJson } from '../http/bulk-json';

export type SyncRouteDeps = { db: Kysely<Database>; clock: Clock; syncHooks?: PushHooks };

/**
 * `POST /api/sync/push` and `POST /api/sync/pull` (DESIGN.md, "Sync protocol"). Every
 * role that reads data syncs; each pushed mutation asks the scope module again, and a
 * pull sends only the scopes it allows. A push stopped by a transient failure answers
 * 503 with what was settled before it; one stopped by a change this server cannot read
 * (the app is newer, or the change's version retired) answers 426 the same way.
 */
export function syncRoutes({ db, clock, syncHooks = {} }: SyncRouteDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .post('/sync/push', async (c) => {
      const user = currentUser(c);
      assertAllowed(user, 'read-data');
      const request = await parseSyncBody(c, PushRequestSchema);
      const outcome = await pushMutations(db, user, request, clock, syncHooks);
      if (outcome.ok) return c.json(outcome.response satisfies PushResponse);
      if (outcome.status === 426) return c.json(outcome.response, 426);
      return c.json(outcome.response, 503, { 'Retry-After': String(RETRY_AFTER_SECONDS) });
    })
    .post('/sync/pull', async (c) => {
      const user = currentUser(c);
      assertAllowed(user, 'read-data');
      const request = await parseSyncBody(c, PullRequestSchema);
      return bulkJson(c, (await pullChanges(db, user, request, clock())) satisfies PullResponse);
    });
}
