import type { Context } from 'hono';
import * as v from 'valibot';
import { PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import { DomainError } from '../../errors';
import { parseBody } from '../../http/parse-body';

/** Any object: its `protocolVersion` is read before the rest of the body, whose shape may be another version's. */
const VersionedSchema = v.looseObject({ protocolVersion: v.unknown() });

/**
 * A sync request body. A client speaking another protocol version gets 426
 * `update-required` before its body is judged by this version's schema: an old app must
 * learn to update, not that its request is "invalid" (and it keeps its outbox).
 */
export async function parseSyncBody<const S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  const { protocolVersion } = await parseBody(c, VersionedSchema);
  if (typeof protocolVersion === 'number' && protocolVersion !== PROTOCOL_VERSION) {
    throw new DomainError('update-required', 426, {
      message: `this server speaks sync protocol ${PROTOCOL_VERSION}, the app ${protocolVersion}; update the app (queued changes are kept)`,
      details: { protocolVersion: PROTOCOL_VERSION },
    });
  }
  return parseBody(c, schema);
}
