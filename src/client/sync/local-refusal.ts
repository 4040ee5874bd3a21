import type { ErrorCode } from '../../shared/errors';

/**
 * A local applier's "no": the change cannot apply to what this device holds (the
 * alumnus is unknown here, the cohort was changed meanwhile). Thrown before anything is
 * written; `mutate` turns it into a field issue, a rebase skips the change and lets the
 * server give the final word.
 */
export class LocalRefusal extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly path = '',
  ) {
    super(path === '' ? code : `${path}: ${code}`);
    this.name = 'LocalRefusal';
  }
}
