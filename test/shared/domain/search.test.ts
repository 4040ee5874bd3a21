import { describe, expect, it } from 'vitest';
import { foldText, parseQuery, searchAlumni, searchIndexOf, type Searchable } from '../../../src/shared/domain/search';

const people: Searchable[] = [
  { id: 'siti', name: 'Siti Nurhaliza', nik: '6474015508990002', phone: '+6281234567890', whatsapp: null },
  { id: 'andi', name: 'Andi Saputra', nik: '6474011203980001', phone: null, whatsapp: '+6285311112222' },
  { id: 'muh', name: "Muh. Ma'ruf Amin", nik: '6474020101950003', phone: '+6281399990000', whatsapp: '+6281399990000' },
  { id: 'jose', name: 'José Ñoño Sitompul', nik: '6271034407000004', phone: null, whatsapp: null },
  { id: 'nur', name: 'nur AINI', nik: '6474034107010005', phone: '+6281200001111', whatsapp: null },
];
const index = searchIndexOf(people);
const find = (query: string) => searchAlumni(index, query).ids;

describe('foldText', () => {
  it.each([
    ['José Ñoño', 'jose nono'],
    ["  Muh. Ma'ruf  ", 'muh ma ruf'],
    ['SITI', 'siti'],
    ['', ''],
  ])('%j → %j', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });
});

describe('searchAlumni', () => {
  it.each<[string, string, string[]]>([
    ['any word of the name, by its start', 'nur', ['nur', 'siti']],
    ['ignoring case', 'SAPU', ['andi']],
    ['ignoring accents both ways', 'nono', ['jose']],
    ['accented query', 'jOSÉ', ['jose']],
    ['every word must match', 'siti nur', ['siti']],
    ['words in any order', 'nurhaliza siti', ['siti']],
    ['punctuation in names', 'maruf', []],
    ['punctuation split into words', 'ma ruf', ['muh']],
    ['no match', 'budi', []],
    ['part of a NIK', '11203', ['andi']],
    ['a NIK starting like a phone prefix', '6271', ['jose']],
    ['a phone with the trunk 0', '0812 3456', ['siti']],
    ['a phone with 62', '62812-345', ['siti']],
    ['a phone with +62 and spaces', '+62 853 1111', ['andi']],
    ['a WhatsApp number', '085311112222', ['andi']],
    ['the end of a number', '9990000', ['muh']],
    ['a name and a number together', 'nur 0812', ['nur', 'siti']],
    ['too few digits to list anyone', '08', []],
    ['empty', '   ', []],
  ])('%s: %j', (_, query, expected) => {
    expect(find(query)).toEqual(expected);
  });

  it('answers in name order, at most `limit`, with the total', () => {
    expect(searchAlumni(index, 's', 2)).toEqual({ ids: ['andi', 'jose'], total: 3 });
  });

  it('reads numbers as one term whatever separators are typed', () => {
    expect(parseQuery('(0812) 34.56-78 budi')).toEqual([
      { kind: 'digits', raw: '0812345678', national: '812345678' },
      { kind: 'word', text: 'budi' },
    ]);
  });
});
