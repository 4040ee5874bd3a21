import * as v from 'valibot';
import { PullCursorSchema, SYNCED_ENTITIES, type Change, type PullResponse, type PushResponse, type SyncedEntity } from '../../shared/sync/protocol';

/**
 * The push and pull answers, parsed before anything is written: a proxy, a captive
 * portal or a newer server can answer anything. Only the envelope is checked here;
 * each pulled record is checked against its entity schema as it is applied.
 */

const Mid = v.pipe(v.number(), v.integer(), v.minValue(0));

const MutationResultSchema = v.variant('status', [
  v.object({ mid: Mid, status: v.literal('applied') }),
  v.object({ mid: Mid, status: v.literal('rejected'), code: v.string(), message: v.string(), details: v.optional(v.unknown()), current: v.optional(v.unknown()) }),
]);

const PushResponseSchema = v.object({ lastMid: Mid, results: v.array(MutationResultSchema) });

/**
 * Any entity name: a newer server may send kinds of record this app does not know yet
 * (it cannot show them anyway). Refusing the page for them would stop this device's sync
 * until it updates; instead they are left out and the rest of the page is applied.
 */
const Entity = v.pipe(v.string(), v.maxLength(60));
const ChangeSchema = v.variant('op', [
  v.object({ entity: Entity, op: v.literal('put'), id: v.string(), record: v.record(v.string(), v.unknown()), clocks: v.optional(v.record(v.string(), v.pipe(v.string(), v.maxLength(120)))) }),
  v.object({ entity: Entity, op: v.literal('delete'), id: v.string() }),
]);

const PullResponseSchema = v.object({
  changes: v.array(ChangeSchema),
  cursor: PullCursorSchema,
  more: v.boolean(),
  lastMid: Mid,
  reset: v.boolean(),
  byPerson: v.optional(v.object({ sent: Mid, total: Mid })),
});

export function parsePushResponse(body: unknown): PushResponse | null {
  const parsed = v.safeParse(PushResponseSchema, body);
  return parsed.success ? (parsed.output) : null;
}

export function parsePullResponse(body: unknown): PullResponse | null {
  const parsed = v.safeParse(PullResponseSchema, body);
  if (!parsed.success) return null;
  return { ...parsed.output, changes: parsed.output.changes.filter(isKnownChange) };
}

const KNOWN_ENTITIES: ReadonlySet<string> = new Set(SYNCED_ENTITIES);

function isKnownChange(change: { entity: string }): change is Change & { entity: SyncedEntity } {
  return KNOWN_ENTITIES.has(change.entity);
}
