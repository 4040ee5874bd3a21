/**
 * What the follow-up form holds: every input as the officer left it (strings, as typed),
 * so that switching "employed" to "business" and back, a refused save or a draft
 * restored never loses a word. Only saving turns it into a record (see build-follow-up.ts).
 */
export type GpsFix = { lat: number; lng: number; accuracy: number };

export type FollowUpValues = {
  channel: string;
  /** '' until the officer answers. */
  reached: '' | 'yes' | 'no';
  unreachedReason: string;
  status: string;
  employer: string;
  jobTitle: string;
  sector: string;
  /** `YYYY-MM` from `<input type="month">`, shared by the employed and business fields. */
  startMonth: string;
  incomeBand: string;
  businessName: string;
  businessKind: string;
  businessEmployees: string;
  revenueBand: string;
  notes: string;
  /** `YYYY-MM-DDTHH:mm` on this device's clock, from `<input type="datetime-local">`. */
  contactedAt: string;
  nextFollowUpDate: string;
  /** Once the officer sets the next date, the proposal from the due-date rule no longer replaces it. */
  nextDateChosen: boolean;
  gps: GpsFix | null;
};

/** The fields that take any string as typed (not `reached`, the flag or the fix). */
export type TextField = {
  [K in keyof FollowUpValues]: string extends FollowUpValues[K] ? (FollowUpValues[K] extends string ? K : never) : never;
}[keyof FollowUpValues];

export function emptyValues(now: Date): FollowUpValues {
  return {
    channel: '',
    reached: '',
    unreachedReason: '',
    status: '',
    employer: '',
    jobTitle: '',
    sector: '',
    startMonth: '',
    incomeBand: '',
    businessName: '',
    businessKind: '',
    businessEmployees: '',
    revenueBand: '',
    notes: '',
    contactedAt: localDateTime(now),
    nextFollowUpDate: '',
    nextDateChosen: false,
    gps: null,
  };
}

/**
 * A stored draft read back over fresh values: only fields of the right type are taken,
 * so a draft written by an older version of the form (or edited by hand) never breaks it.
 */
export function valuesFromDraft(raw: unknown, now: Date): FollowUpValues | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const draft = raw as Record<string, unknown>;
  const values = emptyValues(now);
  for (const key of Object.keys(values) as (keyof FollowUpValues)[]) {
    const value = draft[key];
    if (key === 'gps') values.gps = isGpsFix(value) ? value : null;
    else if (key === 'nextDateChosen') values.nextDateChosen = value === true;
    else if (key === 'reached') values.reached = value === 'yes' || value === 'no' ? value : '';
    else if (typeof value === 'string') values[key] = value;
  }
  return values;
}

function isGpsFix(value: unknown): value is GpsFix {
  if (typeof value !== 'object' || value === null) return false;
  const fix = value as Record<string, unknown>;
  return [fix.lat, fix.lng, fix.accuracy].every((part) => typeof part === 'number' && Number.isFinite(part));
}

/** `YYYY-MM-DDTHH:mm` as `<input type="datetime-local">` shows the device's wall clock. */
export function localDateTime(date: Date): string {
  const pad = (part: number) => String(part).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The instant a `datetime-local` value names on this device's clock, as ISO (UTC), or
 * null when it names none. The device's zone is the officer's: they type the time their
 * phone shows.
 */
export function instantOf(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(local)) return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
