import { useEffect, useRef, useState } from 'preact/hooks';
import type { GpsFix } from './follow-up-values';
import { useFollowUpWords } from './follow-up-words';

type Failure = 'denied' | 'timeout' | 'unavailable';
type Props = { gps: GpsFix | null; onGps: (fix: GpsFix | null) => void; error?: string | null | undefined };

// GeolocationPositionError codes, by number: some browsers (and test DOMs) lack the class.
const PERMISSION_DENIED = 1;
const TIMEOUT = 3;

/**
 * An optional GPS fix. The position is asked for only when the officer taps: asking on
 * arrival would raise a permission prompt in the middle of a call, and the fix drains a
 * cheap phone's battery. Accuracy is shown in metres because a fix indoors is often
 * hundreds of metres off, and the officer should know before saving it.
 */
export function LocationField({ gps, onGps, error }: Props) {
  const w = useFollowUpWords();
  const [locating, setLocating] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);

  const locate = () => {
    setFailure(null);
    if (!('geolocation' in navigator)) {
      setFailure('unavailable');
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        if (!mounted.current) return;
        setLocating(false);
        onGps({ lat: coords.latitude, lng: coords.longitude, accuracy: coords.accuracy });
      },
      ({ code }) => {
        if (!mounted.current) return;
        setLocating(false);
        setFailure(code === PERMISSION_DENIED ? 'denied' : code === TIMEOUT ? 'timeout' : 'unavailable');
      },
      { enableHighAccuracy: true, timeout: 30_000, maximumAge: 60_000 },
    );
  };

  const message: string | null = locating
    ? w('location.locating')
    : failure !== null
      ? w(`location.${failure}`)
      : gps !== null
        ? w('location.fix', { metres: Math.round(gps.accuracy) })
        : null;

  return (
    <fieldset class={error ? 'choices field--invalid' : 'choices'}>
      <legend class="field__label">{w('location')}</legend>
      <p role="status" class={message === null ? 'visually-hidden' : failure === null ? 'field__hint' : 'field__error'}>
        {message}
      </p>
      {error && <p class="field__error">{error}</p>}
      <div class="form__actions">
        <button type="button" class="button button--secondary" disabled={locating} onClick={locate}>
          {gps === null ? w('location.add') : w('location.again')}
        </button>
        {gps !== null && !locating && (
          <button type="button" class="button button--secondary" onClick={() => onGps(null)}>
            {w('location.remove')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
