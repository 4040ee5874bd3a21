import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { webBody } from '../../../src/server/export/web-body';

/** A Node stream of numbered 16 KB chunks that counts how many it was asked for. */
function counted(total: number): { stream: Readable; produced: () => number; chunks: Buffer[]; closed: () => boolean } {
  const chunks: Buffer[] = [];
  let closed = false;
  async function* bytes(): AsyncGenerator<Buffer> {
    try {
      for (let i = 0; i < total; i += 1) {
        const chunk = Buffer.alloc(16 * 1024, i % 256);
        chunks.push(chunk);
        yield await Promise.resolve(chunk);
      }
    } finally {
      closed = true;
    }
  }
  const stream = Readable.from(bytes(), { objectMode: false });
  return { stream, produced: () => chunks.length, chunks, closed: () => closed };
}

describe('webBody', () => {
  it('hands on each chunk as it is, without a copy, and ends with the stream', async () => {
    const source = counted(5);
    const reader = webBody(source.stream).getReader();
    const received: Uint8Array[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read()) received.push(next.value);
    expect(received).toHaveLength(5);
    received.forEach((chunk, i) => expect(chunk).toBe(source.chunks[i]));
  });

  it('reads the Node stream only as the web stream is read', async () => {
    const source = counted(1000);
    const reader = webBody(source.stream).getReader();
    for (let i = 0; i < 3; i += 1) await reader.read();
    await new Promise((resolve) => setImmediate(resolve));
    // Three read, and what the Node stream buffers ahead (its 16 KB high-water mark): nowhere near 1,000.
    expect(source.produced()).toBeLessThanOrEqual(6);
    await reader.cancel();
  });

  it('destroys the Node stream when the web stream is cancelled (the client went away)', async () => {
    const source = counted(1000);
    const reader = webBody(source.stream).getReader();
    await reader.read();
    await reader.cancel();
    await expect.poll(() => source.stream.destroyed && source.closed()).toBe(true);
  });

  it('errors the web stream when the Node stream fails', async () => {
    async function* failing(): AsyncGenerator<Buffer> {
      yield Buffer.from('a');
      await Promise.resolve();
      throw new Error('the database went away');
    }
    const reader = webBody(Readable.from(failing(), { objectMode: false })).getReader();
    await reader.read();
    await expect(reader.read()).rejects.toThrow('the database went away');
  });
});
