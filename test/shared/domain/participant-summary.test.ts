import { describe, expect, it } from 'vitest';
import { maskNik, participantSummaries } from '../../../src/shared/domain/participant-summary';
import { anEnrollment, anId } from '../../fixtures/builders';

describe('participantSummaries', () => {
  it('counts live participants, graduates and the certified competent, per cohort', () => {
    const a = anId();
    const b = anId();
    const summaries = participantSummaries([
      anEnrollment({ cohortId: a }),
      anEnrollment({ cohortId: a, certification: 'competent' }),
      anEnrollment({ cohortId: a, outcome: 'enrolled', graduationDate: null }),
      anEnrollment({ cohortId: a, outcome: 'dropped-out', graduationDate: null }),
      anEnrollment({ cohortId: a, deleted: true }),
      anEnrollment({ cohortId: b, certification: 'not-yet-competent' }),
    ]);
    expect(summaries.get(a)).toEqual({ participants: 4, graduated: 2, certified: 1 });
    expect(summaries.get(b)).toEqual({ participants: 1, graduated: 1, certified: 0 });
    expect(summaries.get(anId())).toBeUndefined();
  });
});

describe('maskNik', () => {
  it.each([
    ['6471054508990001', '647105••••••0001'],
    ['12345', '•2345'],
    ['', ''],
  ])('%s → %s', (nik, masked) => {
    expect(maskNik(nik)).toBe(masked);
  });
});
