import { Readable } from 'node:stream';
import { constants, crc32, createDeflateRaw } from 'node:zlib';
import { textBytes, type TextWriter } from './text-bytes';

/** One file of the archive; its text is written only when the archive reaches it. */
export type ZipEntry = { name: string; write: TextWriter };

/** General-purpose flags: sizes and CRC follow the data (bit 3), the name is UTF-8 (bit 11). */
const FLAGS = 0x0808;
const DEFLATE = 8;
const VERSION = 20;
const MAX_32 = 0xffff_ffff;

/**
 * The fastest deflate: a 100,000-row export is bound by the compressor, and at this
 * level it takes a quarter less time for a file about a fifth larger.
 */
const DEFLATE_LEVEL = constants.Z_BEST_SPEED;

type Written = { name: Buffer; offset: number; crc: number; size: number; compressed: number };

/**
 * A ZIP archive (deflated entries, no ZIP64) written as a pull stream: each entry's
 * text is compressed as it is written (text-bytes.ts) and its CRC and sizes go in a
 * data descriptor after it, so nothing is held but the compressor's window and a few
 * input buffers. More text is asked for only when the reader has taken the previous
 * output, the way `writeCsv` reads pages. An error from a body destroys the stream.
 */
export function zipStream(entries: readonly ZipEntry[], modified = new Date()): Readable {
  const [time, date] = dosDateTime(modified);

  async function* bytes(): AsyncGenerator<Uint8Array> {
    const written: Written[] = [];
    let offset = 0;
    for (const entry of entries) {
      const name = Buffer.from(entry.name, 'utf8');
      const local = header(0x04034b50, 30, name);
      local.writeUInt16LE(VERSION, 4);
      local.writeUInt16LE(FLAGS, 6);
      local.writeUInt16LE(DEFLATE, 8);
      local.writeUInt16LE(time, 10);
      local.writeUInt16LE(date, 12);
      local.writeUInt16LE(name.length, 26);
      yield local;

      const file: Written = { name, offset, crc: 0, size: 0, compressed: 0 };
      const input = (bytes: Uint8Array) => {
        file.crc = crc32(bytes, file.crc);
        file.size += bytes.length;
      };
      for await (const chunk of textBytes(entry.write, createDeflateRaw({ level: DEFLATE_LEVEL }), input)) {
        file.compressed += chunk.length;
        yield chunk;
      }
      if (file.size > MAX_32 || file.compressed > MAX_32) throw new Error(`${entry.name} is over 4 GB, which needs ZIP64`);

      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(file.crc, 4);
      descriptor.writeUInt32LE(file.compressed, 8);
      descriptor.writeUInt32LE(file.size, 12);
      yield descriptor;
      written.push(file);
      offset += local.length + file.compressed + descriptor.length;
    }
    if (offset > MAX_32) throw new Error('the archive is over 4 GB, which needs ZIP64');

    let directorySize = 0;
    for (const file of written) {
      const central = header(0x02014b50, 46, file.name);
      central.writeUInt16LE(VERSION, 4);
      central.writeUInt16LE(VERSION, 6);
      central.writeUInt16LE(FLAGS, 8);
      central.writeUInt16LE(DEFLATE, 10);
      central.writeUInt16LE(time, 12);
      central.writeUInt16LE(date, 14);
      central.writeUInt32LE(file.crc, 16);
      central.writeUInt32LE(file.compressed, 20);
      central.writeUInt32LE(file.size, 24);
      central.writeUInt16LE(file.name.length, 28);
      central.writeUInt32LE(file.offset, 42);
      directorySize += central.length;
      yield central;
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(written.length, 8);
    end.writeUInt16LE(written.length, 10);
    end.writeUInt32LE(directorySize, 12);
    end.writeUInt32LE(offset, 16);
    yield end;
  }
  return Readable.from(bytes(), { objectMode: false });
}

/** A zeroed record of `size` fixed bytes starting with `signature`, followed by the name. */
function header(signature: number, size: number, name: Buffer): Buffer {
  const record = Buffer.alloc(size + name.length);
  record.writeUInt32LE(signature, 0);
  name.copy(record, size);
  return record;
}

/** MS-DOS time and date fields (2-second steps, years from 1980), from the clock's UTC fields. */
function dosDateTime(at: Date): [number, number] {
  const year = Math.max(1980, at.getUTCFullYear());
  const time = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2);
  const date = ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  return [time, date];
}
