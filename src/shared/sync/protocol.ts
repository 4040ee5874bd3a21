import * as v from 'valibot';

/**
 * The sync wire format (DESIGN.md, "Sync protocol"). Push sends queued mutations in
 * `mid` order; pull returns the changes after a cursor, page by page. Every request
 * carries `protocolVersion`; a server that no longer speaks a client's version answers
 * 426 `update-required` and the client keeps its outbox until it is updated.
 */
export const PROTOCOL_VERSION = 1;

export const ClientIdSchema = v.pipe(v.string('invalid-type'), v.uuid('invalid-id'));

export const MutationSchema = v.object({
  /** A positive safe integer: a mid past 2^53 cannot be told from its neighbours, nor stored in every database column. */
  mid: v.pipe(v.number('invalid-type'), v.integer('invalid-type'), v.minValue(1, 'out-of-range'), v.maxValue(Number.MAX_SAFE_INTEGER, 'out-of-range')),
  name: v.pipe(v.string('invalid-type'), v.maxLength(60, 'too-long')),
  version: v.pipe(v.number('invalid-type'), v.integer('invalid-type'), v.minValue(1, 'out-of-range')),
  args: v.unknown(),
  hlc: v.pipe(v.string('invalid-type'), v.maxLength(120, 'too-long')),
});
export type Mutation = v.InferOutput<typeof MutationSchema>;

export const MAX_MUTATIONS_PER_PUSH = 500;

/**
 * Every mutation up to this `mid` is settled on the device: gone from its outbox, or kept
 * there as refused with the refusal it was told. The server forgets its stored results up
 * to here (a retried push will not ask for them again). Optional: a device that does not
 * say keeps them stored.
 */
const SettledMidSchema = v.optional(v.pipe(v.number('invalid-type'), v.integer('invalid-type'), v.minValue(0, 'out-of-range'), v.maxValue(Number.MAX_SAFE_INTEGER, 'out-of-range')));

export const PushRequestSchema = v.object({
  protocolVersion: v.number('invalid-type'),
  clientId: ClientIdSchema,
  settledMid: SettledMidSchema,
  mutations: v.pipe(v.array(MutationSchema), v.maxLength(MAX_MUTATIONS_PER_PUSH, 'too-long')),
});
export type PushRequest = v.InferOutput<typeof PushRequestSchema>;

/**
 * What happened to one pushed mutation. A refusal is permanent: `code` is an ErrorCode
 * (`unknown-mutation`, `invalid-body`, `not-found`, `forbidden`, `conflict`…),
 * `details` the FieldIssue[] of invalid arguments, `current` the current values of the
 * patched fields when a compare-and-set found them changed.
 */
export type MutationResult =
  | { mid: number; status: 'applied' }
  | { mid: number; status: 'rejected'; code: string; message: string; details?: unknown; current?: unknown };

export type PushResponse = {
  /** Every mutation up to this one is settled (applied or rejected); delete them from the outbox. */
  lastMid: number;
  /** One per pushed mutation that is settled, in `mid` order; a retried push gets the stored results again. */
  results: MutationResult[];
};

/**
 * The body of a 503: a transient failure (the database busy or down) stopped the push.
 * What was settled before it stands (`lastMid`, `results`); retry the rest with backoff.
 */
export type PushUnavailableResponse = PushResponse & { error: { code: 'unavailable'; message: string } };

/**
 * The body of a 426 for a pushed mutation this server cannot read (a version newer than
 * it knows, or retired): the ones before it are settled as usual; it and the ones after
 * it stay queued on the device until the app is updated. `details` names it.
 */
export type PushUpdateRequiredResponse = PushResponse & {
  error: { code: 'update-required'; message: string; details: { mid: number; name: string; version: number; reason: 'newer-version' | 'retired' } };
};

/** A version per scope: `shared` (providers, vocations, users' names, the area's places) and `p:<providerId>`. */
export const CursorSchema = v.record(v.pipe(v.string(), v.maxLength(80)), v.pipe(v.number(), v.integer(), v.minValue(0)));
export type Cursor = v.InferOutput<typeof CursorSchema>;

/**
 * Where a first pull stands while it goes person by person (asked for with `byPerson`):
 * the feed cursor it continues from once everyone is sent (`feed`: each readable scope's
 * version when it started), the section it is in — the records no person owns
 * (providers, cohorts…), then the people — the last key sent there, and how many people
 * it has sent of how many. The client stores it and sends it back as it does a Cursor.
 */
export const PersonCursorSchema = v.object({
  feed: CursorSchema,
  section: v.picklist(['others', 'persons']),
  after: v.nullable(v.pipe(v.string(), v.maxLength(200))),
  sent: v.pipe(v.number(), v.integer(), v.minValue(0)),
  total: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type PersonCursor = v.InferOutput<typeof PersonCursorSchema>;

/** What a pull continues from: the feed's versions, or a first pull by person under way. */
export const PullCursorSchema = v.union([CursorSchema, PersonCursorSchema]);
export type PullCursor = v.InferOutput<typeof PullCursorSchema>;

export function isPersonCursor(cursor: PullCursor | null): cursor is PersonCursor {
  return cursor !== null && 'section' in cursor && typeof cursor.section === 'string';
}

/** Changes per pull page unless the request asks for another `limit`. */
export const DEFAULT_PULL_LIMIT = 1000;

export const PullRequestSchema = v.object({
  protocolVersion: v.number('invalid-type'),
  clientId: ClientIdSchema,
  settledMid: SettledMidSchema,
  cursor: v.nullable(PullCursorSchema),
  /**
   * A pull that starts over (no cursor, or access changed) goes person by person: each
   * person comes whole — with their enrolments, follow-ups and answer links — in one
   * page, after the records no person owns, so the device can show them at once. Only a
   * client that says so gets it (an older one would not understand the cursor).
   */
  byPerson: v.optional(v.boolean()),
  limit: v.optional(v.pipe(v.number('invalid-type'), v.integer(), v.minValue(1, 'out-of-range'), v.maxValue(5000, 'out-of-range'))),
});
export type PullRequest = v.InferOutput<typeof PullRequestSchema>;

export const SYNCED_ENTITIES = ['providers', 'vocations', 'cohorts', 'alumni', 'enrollments', 'followUps', 'users', 'selfReportLinks', 'areaPlaces'] as const;
export type SyncedEntity = (typeof SYNCED_ENTITIES)[number];

/**
 * `clocks`: the hybrid logical clock of each last-writer-wins field of the record (an
 * alumnus's contact fields) that a clocked edit set. A device merges them into its own
 * clock before its next edit, so that edit sorts after the ones it has seen.
 */
export type Change =
  | { entity: SyncedEntity; op: 'put'; id: string; record: Record<string, unknown>; clocks?: Record<string, string> | undefined }
  | { entity: SyncedEntity; op: 'delete'; id: string };

export type PullResponse = {
  changes: Change[];
  cursor: PullCursor;
  /** More pages wait; pull again with `cursor` at once. */
  more: boolean;
  /**
   * The client's last settled mutation, so a pull alone can clear an outbox after a lost
   * push response — but never past a refused one, which only a push answer can report.
   */
  lastMid: number;
  /** Scopes the client must forget before applying `changes` (access removed, or resent in full). */
  reset: boolean;
  /**
   * On the pages of a first pull by person: every person in `changes` came whole (with
   * all the records of theirs the user may see), and how many people were sent so far
   * of how many the user may see.
   */
  byPerson?: { sent: number; total: number } | undefined;
};
