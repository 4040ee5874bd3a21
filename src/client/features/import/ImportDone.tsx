import { useImportWords } from './import-words';

export type Finished = { imported: number; rejected: number; fileUrl: string | null; fileName: string };

/** The end of an import: how many came in, how many did not, and the file of the latter. */
export function ImportDone({ finished, onAgain }: { finished: Finished; onAgain: () => void }) {
  const w = useImportWords();
  const { imported, rejected, fileUrl, fileName } = finished;
  return (
    <section class="import-done" aria-labelledby="import-done-title">
      <h2 id="import-done-title">{w('done.title')}</h2>
      <p role="status" class={rejected === 0 ? 'notice notice--success' : 'notice'}>
        {rejected === 0 ? w('done.allImported', { imported }) : w('done.summary', { imported, rejected })}
      </p>
      {fileUrl !== null && (
        <p>
          <a class="button" href={fileUrl} download={fileName}>
            {w('done.download', { count: rejected })}
          </a>
          <span class="field__hint import-done__hint">{w('done.downloadHint')}</span>
        </p>
      )}
      <button type="button" class="button button--secondary" onClick={onAgain}>
        {w('done.again')}
      </button>
    </section>
  );
}
