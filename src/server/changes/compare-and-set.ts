import type { FieldIssue } from '../../shared/schema';
import { DomainError } from '../errors';

/**
 * Compare-and-set for edits made offline (cohort and certification dates): `base` holds
 * the value the editor saw of each field in `patch`. When a field has changed since
 * (someone else edited it meanwhile) the whole edit is refused with `conflict`, and
 * `details.current` carries the current values of the patched fields for review. A
 * field that already holds the patched value is no conflict: both editors agreed.
 */
type Patch<T> = { [K in keyof T]?: T[K] | undefined };

export function assertUnchangedSince<T extends object>(current: T, patch: Patch<T>, base: Patch<T>): void {
  const fields = (Object.keys(patch) as (keyof T & string)[]).filter((field) => patch[field] !== undefined);
  const missing = fields.filter((field) => base[field] === undefined);
  if (missing.length > 0) {
    const details = missing.map((field): FieldIssue => ({ path: `base.${field}`, code: 'required' }));
    throw new DomainError('invalid-body', 400, { message: `base: the value seen of ${missing.join(', ')} is required`, details });
  }
  const changed = fields.filter((field) => current[field] !== base[field] && current[field] !== patch[field]);
  if (changed.length === 0) return;
  const values: Partial<T> = {};
  for (const field of fields) values[field] = current[field];
  throw new DomainError('conflict', 409, { message: `changed by someone else meanwhile: ${changed.join(', ')}`, details: { current: values } });
}
