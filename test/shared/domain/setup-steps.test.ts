import { describe, expect, it } from 'vitest';
import { setupComplete, setupProgress, type SetupFacts } from '../../../src/shared/domain/setup-steps';

const live = { deleted: false };
const gone = { deleted: true };
const admin = { role: 'admin', active: true };
const officer = { role: 'officer', active: true };

describe('setupProgress', () => {
  it.each<[string, SetupFacts, [boolean, boolean, boolean]]>([
    ['a new install: only the first admin', { providers: [], vocations: [], users: [admin] }, [false, false, false]],
    ['the catalogue seeded', { providers: [], vocations: [live], users: [admin] }, [false, true, false]],
    ['deactivated records do not count', { providers: [gone], vocations: [gone], users: [admin, { role: 'officer', active: false }] }, [false, false, false]],
    ['a second admin is not a worker', { providers: [live], vocations: [live], users: [admin, admin] }, [true, true, false]],
    ['everything there', { providers: [gone, live], vocations: [live], users: [admin, officer] }, [true, true, true]],
  ])('%s', (_, facts, expected) => {
    const progress = setupProgress(facts);
    expect(progress.map(({ step }) => step)).toEqual(['providers', 'vocations', 'users']);
    expect(progress.map(({ done }) => done)).toEqual(expected);
    expect(setupComplete(progress)).toBe(expected.every(Boolean));
  });
});
