import { useId } from 'preact/hooks';
import { useImportWords } from './import-words';

/** A labelled progress bar; the label also says the count, for screen readers and tests. */
export function ImportProgress({ done, total }: { done: number; total: number }) {
  const w = useImportWords();
  const id = useId();
  return (
    <div class="import-progress">
      <label for={id}>{w('import.progress', { done, total })}</label>
      <progress id={id} value={done} max={Math.max(total, 1)} />
    </div>
  );
}
