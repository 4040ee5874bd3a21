/**
 * Hybrid logical clocks (Kulkarni et al.): wall-clock milliseconds plus a counter, so
 * that two edits of the same field can be ordered "last writer wins" even when device
 * clocks disagree a little, and an edit made after seeing another always sorts after
 * it. Used only to settle per-field conflicts; sync order comes from server versions.
 *
 * Encoded as text that sorts like the clock: `<ms, 15 digits>:<counter, 5 digits>:<node>`,
 * e.g. `001725069600000:00003:9f1c…`. The node (a client id) breaks ties.
 */
export type Hlc = { ms: number; counter: number; node: string };

const MS_DIGITS = 15;
const COUNTER_DIGITS = 5;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
const PATTERN = /^(\d{15}):(\d{5}):(.+)$/;

export function encodeHlc({ ms, counter, node }: Hlc): string {
  return `${String(ms).padStart(MS_DIGITS, '0')}:${String(counter).padStart(COUNTER_DIGITS, '0')}:${node}`;
}

/** The clock in `text`, or null when it is not an encoded HLC. */
export function decodeHlc(text: string): Hlc | null {
  const match = PATTERN.exec(text);
  if (!match) return null;
  return { ms: Number(match[1]), counter: Number(match[2]), node: match[3] as string };
}

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The clock for a local event at wall time `now`: ahead of `last` (the previous local
 * or received clock) even if the wall clock went backwards.
 */
export function tickHlc(last: Hlc | null, now: number, node: string): Hlc {
  if (last === null || now > last.ms) return { ms: now, counter: 0, node };
  return bump(last.ms, last.counter, node);
}

/** The local clock after seeing `remote`: ahead of both it and the local `last`. */
export function receiveHlc(last: Hlc | null, remote: Hlc, now: number, node: string): Hlc {
  const base = last === null || remote.ms > last.ms || (remote.ms === last.ms && remote.counter > last.counter) ? remote : last;
  if (now > base.ms) return { ms: now, counter: 0, node };
  return bump(base.ms, base.counter, node);
}

/**
 * The server's view of a client clock: a device whose clock runs ahead (a phone set to
 * next year) must not win every later conflict, so a clock more than `maxAheadMs` past
 * the server's time is pulled back to the server's time, keeping its node.
 */
export function clampHlc(clock: Hlc, serverNow: number, maxAheadMs: number): Hlc {
  return clock.ms > serverNow + maxAheadMs ? { ms: serverNow, counter: clock.counter, node: clock.node } : clock;
}

function bump(ms: number, counter: number, node: string): Hlc {
  // A counter overflow (100,000 events in one millisecond) borrows the next millisecond.
  return counter >= MAX_COUNTER ? { ms: ms + 1, counter: 0, node } : { ms, counter: counter + 1, node };
}
