import { createHash } from 'node:crypto';
import type { AreaPlace } from '../../shared/schema/area-place.schema';
import { KECAMATAN } from './names';

/**
 * Bontang's three kecamatan and their kelurahan as the demo's reference list: the same
 * names the demo's alumni live in. Ids are derived from the names rather than drawn from
 * the demo's random stream, so adding the list changed none of the demo's people.
 */
export function demoAreaPlaces(at: string): AreaPlace[] {
  return KECAMATAN.flatMap((kecamatan) =>
    kecamatan.kelurahan.map((kelurahan) => ({
      id: nameUuid(`${kecamatan.name}/${kelurahan}`),
      createdAt: at,
      updatedAt: at,
      deleted: false,
      kecamatan: kecamatan.name,
      kelurahan,
    })),
  );
}

/** A version-5-shaped UUID from a name: the same place gets the same id in every demo. */
function nameUuid(name: string): string {
  const hex = createHash('sha1').update(`jejak-demo-area:${name}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
