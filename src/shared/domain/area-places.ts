import type { AreaPlace } from '../schema/area-place.schema';

/** The reference list as forms and filters offer it: kecamatan by name, each with its kelurahan by name. */
export type AreaChoices = { kecamatan: string[]; kelurahan: Map<string, string[]> };

/** The places in use (removed ones left out), grouped and sorted the Indonesian way. */
export function areaChoices(places: readonly AreaPlace[]): AreaChoices {
  const kelurahan = new Map<string, string[]>();
  for (const place of places) {
    if (place.deleted) continue;
    const list = kelurahan.get(place.kecamatan) ?? [];
    list.push(place.kelurahan);
    kelurahan.set(place.kecamatan, list);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'id');
  for (const list of kelurahan.values()) list.sort(byName);
  return { kecamatan: [...kelurahan.keys()].sort(byName), kelurahan };
}

/**
 * Whether a typed value may be stored: any value while the office has no list yet (a
 * new installation still works), otherwise only one of the list's — so that one place
 * is never spelled three ways. Empty means "not known" and is always allowed.
 */
export function isAllowedPlace(value: string, allowed: readonly string[]): boolean {
  return value.trim() === '' || allowed.length === 0 || allowed.includes(value.trim());
}

/**
 * The kecamatan a form offers: the list's, plus the person's current one when it is not
 * on the list (kept, never silently cleared; it goes once another is chosen).
 */
export function kecamatanOptions(choices: AreaChoices, current: string): string[] {
  return withCurrent(choices.kecamatan, current);
}

/** The kelurahan of the chosen kecamatan, plus the current one when it is not among them. */
export function kelurahanOptions(choices: AreaChoices, kecamatan: string, current: string): string[] {
  return withCurrent(choices.kelurahan.get(kecamatan) ?? [], current);
}

function withCurrent(listed: readonly string[], current: string): string[] {
  const value = current.trim();
  return value === '' || listed.includes(value) ? [...listed] : [value, ...listed];
}
