import { useId } from 'preact/hooks';
import './choice-group.css';

type Props = {
  legend: string;
  name: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onValue: (value: string) => void;
  error?: string | null | undefined;
};

/**
 * One question answered by a tap: radio buttons in a fieldset, each whole label a target
 * at least 44 px tall, side by side where they fit on a 360 px screen. The error sits
 * inside the fieldset, beside the question, and is read with the group's name.
 */
export function ChoiceGroup({ legend, name, value, options, onValue, error }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset class={error ? 'choices field--invalid' : 'choices'} aria-describedby={error ? errorId : undefined}>
      <legend class="field__label">{legend}</legend>
      <div class="choices__options">
        {options.map((option) => (
          <label key={option.value} class="choice">
            <input
              type="radio"
              name={`${id}-${name}`}
              value={option.value}
              checked={value === option.value}
              aria-invalid={error ? true : undefined}
              onChange={() => onValue(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} class="field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
