/**
 * What a new office still has to do before its people can work: training providers to
 * run cohorts, vocations to teach, and accounts for officers and provider staff. The
 * admin screen shows the list until every step is done; each step is judged from the
 * data alone, so it never has to be ticked off by hand nor stays ticked when undone
 * (the last provider deactivated, say).
 */

export type SetupStep = 'providers' | 'vocations' | 'users';

export type SetupFacts = {
  providers: readonly { deleted: boolean }[];
  vocations: readonly { deleted: boolean }[];
  users: readonly { role: string; active: boolean }[];
};

export type SetupProgress = { step: SetupStep; done: boolean }[];

export const SETUP_STEPS: readonly SetupStep[] = ['providers', 'vocations', 'users'];

export function setupProgress({ providers, vocations, users }: SetupFacts): SetupProgress {
  const done: Record<SetupStep, boolean> = {
    providers: providers.some((provider) => !provider.deleted),
    vocations: vocations.some((vocation) => !vocation.deleted),
    // Admins alone cannot follow anyone up: someone has to do the field or provider work.
    users: users.some((user) => user.active && user.role !== 'admin'),
  };
  return SETUP_STEPS.map((step) => ({ step, done: done[step] }));
}

/** True once nothing is left to do; the list is then hidden. */
export function setupComplete(progress: SetupProgress): boolean {
  return progress.every(({ done }) => done);
}
