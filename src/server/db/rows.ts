/**
 * Entities ↔ table rows. Both dialects store booleans as integer 0/1 because
 * better-sqlite3 cannot bind JS booleans; everything else is stored as is.
 */

export type Row<T> = { [K in keyof T]: T[K] extends boolean ? number : T[K] };

export type FromRow<R, B extends keyof R> = { [K in keyof R]: K extends B ? boolean : R[K] };

/** The boolean fields of each entity table, for `fromRow`. */
export const BOOLEAN_FIELDS = {
  providers: ['deleted'],
  vocations: ['deleted'],
  cohorts: ['deleted'],
  alumni: ['deleted'],
  enrollments: ['deleted'],
  followUps: ['reached'],
  users: ['active', 'mustChangePassword', 'managesCohorts'],
  selfReportLinks: [],
  areaPlaces: ['deleted'],
} as const;

/** An entity ready to insert: every boolean becomes 1 or 0. */
export function toRow<T extends object>(entity: T): Row<T> {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity)) {
    row[key] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  }
  return row as Row<T>;
}

/**
 * A row read back: the named fields become booleans. A row cannot say which of its
 * integers are flags, so the caller names them (see BOOLEAN_FIELDS).
 */
export function fromRow<R extends object, B extends keyof R>(row: R, booleanFields: readonly B[]): FromRow<R, B> {
  const entity: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const field of booleanFields) {
    const value = entity[field as string];
    if (value !== null && value !== undefined) entity[field as string] = Boolean(Number(value));
  }
  return entity as FromRow<R, B>;
}
