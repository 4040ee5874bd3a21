import { useId } from 'preact/hooks';
import { MONEY_BANDS } from '../../../shared/schema/follow-up.schema';
import { useFollowUpWords } from './follow-up-words';

type Props = { label: string; name: string; value: string; onValue: (value: string) => void; error?: string | null | undefined };

/** Income or revenue as a band (people answer in bands, not figures); "not known" is a fine answer. */
export function BandField({ label, name, value, onValue, error }: Props) {
  const w = useFollowUpWords();
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label class="field__label" for={id}>
        {label}
      </label>
      <select
        id={id}
        class="field__input"
        name={name}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onValue(event.currentTarget.value)}
      >
        <option value="">{w('band.none')}</option>
        {MONEY_BANDS.map((band) => (
          <option key={band} value={band}>
            {w(`band.${band}`)}
          </option>
        ))}
      </select>
      {error && (
        <p id={errorId} class="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
