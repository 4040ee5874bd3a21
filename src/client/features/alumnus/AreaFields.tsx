import { kecamatanOptions, kelurahanOptions } from '../../../shared/domain/area-places';
import { useAreaChoices } from '../../storage/use-area-choices';
import { SelectField, type SelectOption } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useAlumnusWords } from './alumnus-words';

type Area = { kecamatan: string; kelurahan: string };
type Props = Area & { onValues: (area: Area) => void; errors: { kecamatan: string | null; kelurahan: string | null } };

/**
 * Kecamatan and kelurahan chosen from the office's reference list, so one place is never
 * spelled three ways and the worklist's kecamatan filter finds everyone. A value already
 * stored that is not on the list stays offered until another is chosen; while the office
 * has no list yet, both are typed.
 */
export function AreaFields({ kecamatan, kelurahan, onValues, errors }: Props) {
  const w = useAlumnusWords();
  const choices = useAreaChoices();
  if (choices.kecamatan.length === 0) {
    return (
      <>
        <TextField label={w('identity.kecamatan')} name="kecamatan" value={kecamatan} onValue={(value) => onValues({ kecamatan: value, kelurahan })} error={errors.kecamatan} />
        <TextField label={w('identity.kelurahan')} name="kelurahan" value={kelurahan} onValue={(value) => onValues({ kecamatan, kelurahan: value })} error={errors.kelurahan} />
      </>
    );
  }
  const options = (names: string[]): SelectOption[] => [
    { value: '', label: w('contact.placeUnknown') },
    ...names.map((name) => ({ value: name, label: name })),
  ];
  const chooseKecamatan = (value: string) =>
    // A kelurahan belongs to one kecamatan: another kecamatan clears it unless it is listed there too.
    onValues({ kecamatan: value, kelurahan: (choices.kelurahan.get(value) ?? []).includes(kelurahan) ? kelurahan : '' });
  return (
    <>
      <SelectField
        label={w('identity.kecamatan')}
        name="kecamatan"
        value={kecamatan.trim()}
        options={options(kecamatanOptions(choices, kecamatan))}
        onValue={chooseKecamatan}
        error={errors.kecamatan}
      />
      <SelectField
        label={w('identity.kelurahan')}
        name="kelurahan"
        value={kelurahan.trim()}
        options={options(kelurahanOptions(choices, kecamatan.trim(), kelurahan))}
        onValue={(value) => onValues({ kecamatan, kelurahan: value })}
        error={errors.kelurahan}
      />
    </>
  );
}
