import { constants, createGzip, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { textBytes, type TextSink } from '../../../src/server/export/text-bytes';

/** Text whose every kind of character crosses buffer ends: ASCII, 2-, 3- and 4-byte UTF-8, a lone surrogate. */
function pieces(count: number): string[] {
  const kinds = ['Budi Santoso', 'Ñoño', 'Rp1–3 juta', '😀', '\uD800', '<c r="A1">', ''];
  return Array.from({ length: count }, (_, i) => `${kinds[i % kinds.length]}${i}`);
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const all: Uint8Array[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return Buffer.concat(all);
}

const gzip = () => createGzip({ level: constants.Z_BEST_SPEED });

/** Text that does not compress: the compressor's output keeps pace with its input. */
function noise(length: number, seed: number): string {
  let text = '';
  let state = seed;
  for (let i = 0; i < length; i += 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    text += String.fromCharCode(33 + (state % 90));
  }
  return text;
}

/** Sixteen different 16 KB pieces of noise, made once. */
const NOISE = Array.from({ length: 16 }, (_, i) => noise(16 * 1024, i));

describe('textBytes', () => {
  it('writes UTF-8 as Buffer.from does, across any number of buffers, plain or gzipped', async () => {
    const text = pieces(60_000);
    const expected = Buffer.from(text.join(''), 'utf8');
    expect(expected.length).toBeGreaterThan(4 * 64 * 1024);
    const writer = async (out: TextSink) => {
      for (const [i, piece] of text.entries()) {
        out.write(piece);
        if (i % 1000 === 0) await out.room();
      }
    };

    expect((await collect(textBytes(writer, null))).equals(expected)).toBe(true);

    const seen: Uint8Array[] = [];
    const zipped = await collect(textBytes(writer, gzip(), (bytes) => seen.push(Buffer.from(bytes))));
    expect(gunzipSync(zipped).equals(expected)).toBe(true);
    expect(Buffer.concat(seen).equals(expected)).toBe(true);
  });

  it('fills the same few buffers again and again, however long the text, when the writer writes in bursts', async () => {
    const buffers = new Set<ArrayBufferLike>();
    const writer = async (out: TextSink) => {
      for (let burst = 0; burst < 100; burst += 1) {
        for (const piece of NOISE) out.write(piece);
        await out.room();
      }
    };
    const zipped = await collect(textBytes(writer, gzip(), (bytes) => buffers.add(bytes.buffer)));
    expect(gunzipSync(zipped).length).toBe(100 * 16 * 16 * 1024);
    // A burst (four buffers' worth) ahead of the two the compressor may still hold, and the one being filled.
    expect(buffers.size).toBeLessThanOrEqual(8);
  });

  for (const mode of ['plain', 'gzip'] as const) {
    it(`keeps the writer within a few buffers of a reader that stops taking chunks (${mode})`, async () => {
      let written = 0;
      let waiting = false;
      const writer = async (out: TextSink) => {
        for (let i = 0; i < 1000; i += 1) {
          out.write(NOISE[i % NOISE.length]!);
          written += 16 * 1024;
          waiting = true;
          await out.room();
          waiting = false;
        }
      };
      const chunks = textBytes(writer, mode === 'gzip' ? gzip() : null);
      await chunks.next();
      // The writer stops at `room` and stays there while nobody reads.
      await expect.poll(() => waiting).toBe(true);
      await new Promise((resolve) => setImmediate(resolve));
      expect(waiting).toBe(true);
      expect(written).toBeLessThanOrEqual(6 * 64 * 1024);
      await chunks.return(undefined);
    });

    it(`stops the writer when the reader goes away (${mode})`, async () => {
      let stopped: unknown;
      const writer = async (out: TextSink) => {
        try {
          for (let i = 0; ; i += 1) {
            out.write(NOISE[i % NOISE.length]!);
            await out.room();
          }
        } catch (error) {
          stopped = error;
          throw error;
        }
      };
      const chunks = textBytes(writer, mode === 'gzip' ? gzip() : null);
      await chunks.next();
      await chunks.return(undefined);
      await expect.poll(() => stopped).toBeInstanceOf(Error);
    });

    it(`ends the stream with the writer's error, never a complete-looking stream (${mode})`, async () => {
      const writer = async (out: TextSink) => {
        out.write(noise(200 * 1024, 1));
        await out.room();
        throw new Error('the database went away');
      };
      await expect(collect(textBytes(writer, mode === 'gzip' ? gzip() : null))).rejects.toThrow('the database went away');
    });
  }
});
