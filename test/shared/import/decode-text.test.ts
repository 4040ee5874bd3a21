import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/shared/import/decode-text';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decoding a CSV file', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(utf8('Nama\r\nAndré Sutédja\r\n'))).toEqual({ text: 'Nama\r\nAndré Sutédja\r\n', encoding: 'utf-8' });
  });

  it('reads UTF-8 with the BOM Excel writes, and drops the BOM', () => {
    expect(decodeText(utf8('\uFEFFNama;NIK\r\nNur’aini Ma’ruf;1\r\n'))).toEqual({ text: 'Nama;NIK\r\nNur’aini Ma’ruf;1\r\n', encoding: 'utf-8' });
  });

  it('reads bytes that are not UTF-8 as Windows-1252, where ’ is 0x92 and é is 0xE9, never as U+FFFD', () => {
    const bytes = Uint8Array.from([0x4e, 0x75, 0x72, 0x92, 0x61, 0x69, 0x6e, 0x69, 0x3b, 0x41, 0x6e, 0x64, 0x72, 0xe9]);
    const decoded = decodeText(bytes);
    expect(decoded).toEqual({ text: 'Nur’aini;André', encoding: 'windows-1252' });
    expect(decoded.text).not.toContain('\uFFFD');
  });

  it('treats an empty file as UTF-8', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});
