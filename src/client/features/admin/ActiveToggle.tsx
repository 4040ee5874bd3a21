import { useState } from 'preact/hooks';
import type { ApiOutcome } from '../../api/api-request';
import { useT } from '../../i18n';
import type { FormProblem } from '../../ui/form-errors';
import { FormProblemMessage } from '../../ui/FormProblemMessage';

type Props<T> = {
  name: string;
  deleted: boolean;
  /** Sends `deleted`; the server keeps the record (devices and old cohorts still name it). */
  save: (deleted: boolean) => Promise<ApiOutcome<T>>;
  onSaved: (answer: T) => void;
};

/**
 * Deactivate or restore a provider or vocation. Records are never removed: cohorts
 * already made still show their provider and vocation; only new choices leave it out.
 */
export function ActiveToggle<T>({ name, deleted, save, onSaved }: Props<T>) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);

  const toggle = async () => {
    setBusy(true);
    const outcome = await save(!deleted);
    setBusy(false);
    if (outcome.kind === 'ok') {
      setProblem(null);
      onSaved(outcome.value);
    } else {
      setProblem(outcome.kind === 'unreachable' ? { kind: 'unreachable' } : { kind: 'error', code: outcome.error.code });
    }
  };

  return (
    <>
      <button type="button" class="button button--secondary" disabled={busy} onClick={() => void toggle()}>
        {t(deleted ? 'admin.catalog.restore' : 'admin.catalog.deactivate')}
        <span class="visually-hidden"> {name}</span>
      </button>
      <FormProblemMessage problem={problem} />
    </>
  );
}
