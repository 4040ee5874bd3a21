import { randomBytes } from 'node:crypto';

/**
 * Ids for audit rows that sort as they were made: UUID version 7 (RFC 9562), the
 * millisecond in front and, within one millisecond, a counter in the 12 bits after the
 * version. The log is read newest first by time and then by id; a device's changes
 * applied within one millisecond share their time, and random ids would list them in
 * any order.
 */
export function auditIdGenerator(now: () => number = Date.now): () => string {
  let lastMs = -1;
  let counter = 0;
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
    const random = randomBytes(8);
    random[0] = ((random[0] ?? 0) & 0x3f) | 0x80; // the RFC 4122 variant
    const tail = random.toString('hex');
    const time = lastMs.toString(16).padStart(12, '0');
    return `${time.slice(0, 8)}-${time.slice(8)}-7${counter.toString(16).padStart(3, '0')}-${tail.slice(0, 4)}-${tail.slice(4)}`;
  };
}

export const nextAuditId = auditIdGenerator();
