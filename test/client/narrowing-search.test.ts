import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchNarrowing, type Narrowed } from '../../src/client/features/alumni/narrowing-search';
import { searchCandidatesOf } from '../../src/client/features/alumni/search-candidates';
import { searchAlumni, searchIndexOf } from '../../src/shared/domain/search';

const NAMES = ['Andi Rahman', 'Ánita Wulandari', 'Budi Santoso', 'Sri Wahyuni', 'Muh. Ilham', 'Nur Aini', 'Agus Setiawan', 'Rahmat Hidayat', 'Dewi Anggraini'];

/** What an officer types, a key at a time: letters, digits, spaces and the signs of phone numbers. */
const typing = fc.array(fc.constantFrom(...'anribsuhmwe dt0123456478+-'.split('')), { maxLength: 12 });

describe('searchNarrowing', () => {
  it('answers every keystroke exactly as the shared rule over the whole index', () => {
    const people = Array.from({ length: 60 }, (_, i) => ({
      id: `id-${String(i).padStart(3, '0')}`,
      name: `${NAMES[i % NAMES.length] ?? ''} ${NAMES[(i * 7) % NAMES.length]?.split(' ')[0] ?? ''}`,
      nik: `647401${String(100000 + i * 137).padStart(10, '0')}`,
      phone: i % 3 === 0 ? null : `+62812${String(3000000 + i * 911)}`,
      whatsapp: i % 4 === 0 ? `+62852${String(4700000 + i)}` : null,
    }));
    const index = searchIndexOf(people);
    const candidates = searchCandidatesOf(index);
    fc.assert(
      fc.property(typing, typing, (first, second) => {
        let previous: Narrowed | null = null;
        // Typed on, then partly erased and typed again: narrowing must never keep stale matches.
        const queries = [...first.map((_, i) => first.slice(0, i + 1).join('')), ...second.map((_, i) => first.slice(0, first.length >> 1).join('') + second.slice(0, i + 1).join(''))];
        for (const query of queries) {
          const found = searchNarrowing(candidates, previous, query, 10);
          expect({ query, ids: found.ids, total: found.total }).toEqual({ query, ...searchAlumni(index, query, 10) });
          previous = found.narrowed;
        }
      }),
      { numRuns: 200 },
    );
  });
});
