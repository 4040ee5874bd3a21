import { useErrorText, useLanguage } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { useReportsWords } from './reports-words';
import type { ReportState } from './use-absorption-report';

/**
 * Where the figures come from, said plainly: while counting, when the server did not
 * answer and the device counted instead (with how old its data is), or why there are none.
 */
export function ReportSource({ state }: { state: ReportState }) {
  const w = useReportsWords();
  const [lang] = useLanguage();
  const errorText = useErrorText();
  const { result, loading, problem } = state;
  return (
    <>
      <p role="status" class="report-status">
        {loading ? w('loading') : ''}
      </p>
      {problem !== null && (
        <p role="alert" class="form-problem">
          {problem.kind === 'device' ? w('problem.local') : w('problem', { reason: errorText(problem.code) })}
        </p>
      )}
      {!loading && result?.source === 'device' && (
        <div class="notice report-offline" role="status">
          <p>
            {result.lastSyncedAt === null
              ? w('source.local.never')
              : w('source.local', { time: formatDateTime(result.lastSyncedAt, lang) })}
          </p>
          <button type="button" class="button button--secondary" onClick={state.retry}>
            {w('retry')}
          </button>
        </div>
      )}
    </>
  );
}
