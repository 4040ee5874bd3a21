/**
 * The fields of `patch` whose value differs from `current`, or null when none does: a
 * patch that changes nothing writes nothing and leaves no audit entry.
 */
export function changedFields<T extends object>(current: T, patch: { [K in keyof T]?: T[K] | undefined }): Partial<T> | null {
  const changes: Partial<T> = {};
  let any = false;
  for (const key of Object.keys(patch) as (keyof T)[]) {
    const value = patch[key];
    if (value !== undefined && value !== current[key]) {
      changes[key] = value;
      any = true;
    }
  }
  return any ? changes : null;
}
