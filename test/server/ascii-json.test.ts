import { describe, expect, it } from 'vitest';
import { asciiJson } from '../../src/server/http/ascii-json';

/** The decoded bytes, checked to be ASCII first. */
function text(bytes: Uint8Array): string {
  const past = bytes.findIndex((byte) => byte > 0x7f);
  expect(past, `byte ${past} is past ASCII`).toBe(-1);
  return Buffer.from(bytes).toString('latin1');
}

describe('asciiJson', () => {
  it('writes a pull page with names and addresses past ASCII as escapes that parse back to the same text', () => {
    const page = {
      changes: [
        { entity: 'alumni', id: 'a1', op: 'put', record: { name: 'Ni Luh Putu Ayu', address: 'Jl. Raya Ubud – Gianyar', note: 'Rumah bu Ida’s' } },
        { entity: 'alumni', id: 'a2', op: 'put', record: { name: 'José Müller', emoji: 'Sudah kerja 👍', lone: '\ud800 alone' } },
        { entity: 'followUps', id: 'f1', op: 'delete' },
      ],
      cursor: { kind: 'feed', version: 12 },
      more: false,
    };
    const json = text(asciiJson(page));
    expect(JSON.parse(json)).toEqual(page);
    expect(json).toContain('Ubud \\u2013 Gianyar');
    expect(json).toContain('\\ud83d\\udc4d');
  });

  it('leaves out and writes as null what JSON.stringify does, and writes the same text for ASCII values', () => {
    const values: unknown[] = [
      { a: undefined, b: () => 1, c: [undefined, () => 1, 1], d: new Date(0), e: null, 2: 'two', f: [] },
      [1, 'two', { three: [3] }, undefined],
      { at: new Date(86_400_000) },
      new Date(0),
      'text',
      42,
      null,
      {},
      [],
    ];
    for (const value of values) expect(text(asciiJson(value))).toBe(JSON.stringify(value));
  });

  it('writes a value JSON.stringify cannot write at all as null', () => {
    expect(text(asciiJson(undefined))).toBe('null');
  });

  it('writes an array longer than a call may take arguments', () => {
    const changes = Array.from({ length: 300_000 }, (_, index) => index);
    expect(JSON.parse(text(asciiJson({ changes })))).toEqual({ changes });
    expect(JSON.parse(text(asciiJson(changes)))).toEqual(changes);
  });
});
