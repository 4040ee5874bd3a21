import type { Transform } from 'node:stream';

/**
 * Where an export's writer puts its text. `write` encodes at once, as UTF-8, into the
 * stream's own buffers: the writer builds no string larger than a cell, and a long
 * export allocates no buffer per piece of text.
 */
export type TextSink = {
  /** Appends text. Never waits: call `room` between rows or pages. */
  write(text: string): void;
  /**
   * Resolves when the writer may go on: the bytes written before have been taken
   * (compressed, or read by the reader), so the writer never runs more than a buffer
   * ahead of the reader. Rejects once the stream is destroyed (the reader went away).
   */
  room(): Promise<void>;
};

/** Text produced by `write` into a sink; its promise settles when the text is complete. */
export type TextWriter = (sink: TextSink) => Promise<void> | void;

/** Bytes per buffer. */
const BUFFER_BYTES = 64 * 1024;
/** Buffers handed on and not yet taken before `room` makes the writer wait. */
const AHEAD = 2;

const encoder = new TextEncoder();

/**
 * The text a writer produces, as the bytes of a stream read chunk by chunk: through a
 * zlib compressor (`createDeflateRaw`, `createGzip`…), or, with `compressor` null, as
 * UTF-8. Nothing is written until the first chunk is asked for.
 *
 * Through a compressor the same few buffers are filled again and again: each is
 * refilled once the compressor has taken it. (A new buffer per piece of text lived as
 * long as the compressor took to reach it, long enough to outlive V8's young
 * generation, and its memory came back only with a full collection.) Without one, each
 * full buffer is handed on as a chunk and a new one is filled. `input` sees the bytes
 * before they are compressed (a CRC and a size).
 *
 * An error from the writer ends the stream with that error; a reader that stops early
 * destroys the compressor, and the writer's next `write` or `room` throws, which
 * stops it.
 */
export async function* textBytes(
  writer: TextWriter,
  compressor: Transform | null,
  input: (bytes: Uint8Array) => void = () => undefined,
): AsyncGenerator<Uint8Array> {
  if (compressor === null) {
    yield* plainBytes(writer);
    return;
  }
  const sink = new CompressingSink(compressor, input);
  const writing = (async () => {
    await writer(sink);
    await sink.end();
  })();
  writing.catch((error: unknown) => compressor.destroy(error instanceof Error ? error : new Error(String(error))));
  try {
    for await (const chunk of compressor) yield chunk as Buffer;
    await writing;
  } finally {
    compressor.destroy();
  }
}

/** Encodes into the current buffer, as much as fits; answers how many UTF-16 units of `text` from `from` it took. */
function encode(text: string, from: number, buffer: Uint8Array, used: { bytes: number }): number {
  // ASCII, nearly all of an export's text, byte by byte; the encoder takes anything else.
  const stop = Math.min(text.length, from + buffer.length - used.bytes);
  let bytes = used.bytes;
  let i = from;
  for (; i < stop; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) break;
    buffer[bytes] = code;
    bytes += 1;
  }
  if (i === stop || i === text.length) {
    used.bytes = bytes;
    return i - from;
  }
  const { read, written } = encoder.encodeInto(i === 0 ? text : text.slice(i), buffer.subarray(bytes));
  used.bytes = bytes + written;
  return i - from + read;
}

class CompressingSink implements TextSink {
  private buffer: Uint8Array = new Uint8Array(BUFFER_BYTES);
  private readonly used = { bytes: 0 };
  private readonly free: Uint8Array[] = [];
  private ahead = 0;
  private waiting: { resolve: () => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;

  constructor(
    private readonly compressor: Transform,
    private readonly input: (bytes: Uint8Array) => void,
  ) {
    compressor.once('close', () => this.fail(new Error('the stream was destroyed before the text was written')));
  }

  write(text: string): void {
    if (this.failure !== undefined) throw this.failure;
    let from = 0;
    for (;;) {
      from += encode(text, from, this.buffer, this.used);
      if (from === text.length) return;
      this.handOn();
    }
  }

  async room(): Promise<void> {
    await this.untilAhead(AHEAD - 1);
  }

  async end(): Promise<void> {
    if (this.used.bytes > 0) this.handOn();
    await this.untilAhead(0);
    this.compressor.end();
  }

  /** Resolves once no more than `most` buffers wait to be taken; rejects once the stream is destroyed. */
  private async untilAhead(most: number): Promise<void> {
    for (;;) {
      if (this.failure !== undefined) throw this.failure;
      if (this.ahead <= most) return;
      await new Promise<void>((resolve, reject) => (this.waiting = { resolve, reject }));
    }
  }

  /** Hands the filled part of the buffer to the compressor and goes on in a free one. */
  private handOn(): void {
    const full = this.buffer;
    const bytes = full.subarray(0, this.used.bytes);
    this.input(bytes);
    this.ahead += 1;
    this.compressor.write(bytes, (error) => {
      this.ahead -= 1;
      if (error) {
        this.fail(error);
        return;
      }
      // Taken: the compressor holds what it needs of it (its window), the buffer may be filled again.
      this.free.push(full);
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.resolve();
    });
    this.buffer = this.free.pop() ?? new Uint8Array(BUFFER_BYTES);
    this.used.bytes = 0;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(this.failure);
  }
}

/** Without a compressor: each full buffer is a chunk of the stream, and the writer waits for the reader. */
async function* plainBytes(writer: TextWriter): AsyncGenerator<Uint8Array> {
  const sink = new PlainSink();
  (async () => {
    await writer(sink);
    sink.finish({ failed: false });
  })().catch((error: unknown) => sink.finish({ failed: true, error }));
  try {
    for (let chunk = await sink.next(); chunk !== null; chunk = await sink.next()) yield chunk;
  } finally {
    sink.stop();
  }
}

type Outcome = { failed: false } | { failed: true; error: unknown };

class PlainSink implements TextSink {
  private buffer: Uint8Array = new Uint8Array(BUFFER_BYTES);
  private readonly used = { bytes: 0 };
  /** Full buffers the reader has not taken yet. */
  private readonly full: Uint8Array[] = [];
  private outcome: Outcome | undefined;
  private stopped = false;
  private wakeReader: (() => void) | undefined;
  private wakeWriter: (() => void) | undefined;

  write(text: string): void {
    this.checkReader();
    let from = 0;
    for (;;) {
      from += encode(text, from, this.buffer, this.used);
      if (from === text.length) return;
      this.handOn();
    }
  }

  async room(): Promise<void> {
    for (;;) {
      this.checkReader();
      if (this.full.length < AHEAD) return;
      await new Promise<void>((resolve) => (this.wakeWriter = resolve));
    }
  }

  /** The writer is done, or failed. */
  finish(outcome: Outcome): void {
    if (!outcome.failed && this.used.bytes > 0) this.handOn();
    this.outcome ??= outcome;
    this.wake();
  }

  /** The next chunk, or null at the end; rejects with the writer's error. */
  async next(): Promise<Uint8Array | null> {
    for (;;) {
      const chunk = this.full.shift();
      if (chunk !== undefined) {
        this.wake();
        return chunk;
      }
      if (this.outcome?.failed) throw this.outcome.error;
      if (this.outcome !== undefined) return null;
      await new Promise<void>((resolve) => (this.wakeReader = resolve));
    }
  }

  /** The reader is gone: the writer's next `write` or `room` throws. */
  stop(): void {
    this.stopped = true;
    this.wake();
  }

  private checkReader(): void {
    if (this.stopped) throw new Error('the stream was destroyed before the text was written');
  }

  private handOn(): void {
    this.full.push(this.buffer.subarray(0, this.used.bytes));
    this.buffer = new Uint8Array(BUFFER_BYTES);
    this.used.bytes = 0;
    this.wake();
  }

  /** Whichever side waits looks again. */
  private wake(): void {
    const waiting = [this.wakeReader, this.wakeWriter];
    this.wakeReader = undefined;
    this.wakeWriter = undefined;
    for (const resume of waiting) resume?.();
  }
}
