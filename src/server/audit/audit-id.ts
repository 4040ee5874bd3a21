import { randomFillSync } from 'node:crypto';

/** Random bytes drawn from the system at once: one call serves 512 ids. */
const RANDOM_BLOCK_BYTES = 4096;
const RANDOM_BYTES_PER_ID = 8;

/**
 * Ids for audit rows that sort as they were made: UUID version 7 (RFC 9562), the
 * millisecond in front and, within one millisecond, a counter in the 12 bits after the
 * version. The log is read newest first by time and then by id; a device's changes
 * applied within one millisecond share their time, and random ids would list them in
 * any order.
 *
 * The random tail comes from a block of cryptographic random bytes refilled when used
 * up, as Node's own randomUUID does: a push makes thousands of ids, and asking the
 * system for 8 bytes each time cost more than the rest of the id.
 */
export function auditIdGenerator(now: () => number = Date.now): () => string {
  let lastMs = -1;
  let counter = 0;
  const random = Buffer.alloc(RANDOM_BLOCK_BYTES);
  let offset = RANDOM_BLOCK_BYTES;
  return () => {
    const ms = now();
    if (ms > lastMs) {
      lastMs = ms;
      counter = 0;
    } else if (counter < 0xfff) {
      counter += 1;
    } else {
      // 4,096 ids in one millisecond: borrow the next one rather than repeat an order.
      lastMs += 1;
      counter = 0;
    }
    if (offset + RANDOM_BYTES_PER_ID > RANDOM_BLOCK_BYTES) {
      randomFillSync(random);
      offset = 0;
    }
    random[offset] = ((random[offset] ?? 0) & 0x3f) | 0x80; // the RFC 4122 variant
    const tail = random.toString('hex', offset, offset + RANDOM_BYTES_PER_ID);
    offset += RANDOM_BYTES_PER_ID;
    const time = lastMs.toString(16).padStart(12, '0');
    return `${time.slice(0, 8)}-${time.slice(8)}-7${counter.toString(16).padStart(3, '0')}-${tail.slice(0, 4)}-${tail.slice(4)}`;
  };
}

export const nextAuditId = auditIdGenerator();
