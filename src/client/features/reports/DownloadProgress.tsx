import { useLanguage } from '../../i18n';
import { formatBytes } from './report-format';
import { useReportsWords } from './reports-words';
import type { DownloadState } from './use-export-download';

const FAILURE_WORDS = {
  forbidden: 'export.forbidden',
  session: 'export.session',
  invalid: 'export.invalid',
  unreachable: 'export.unreachable',
  server: 'export.failed',
} as const;

/**
 * A running download's bytes (a streamed export has no length up front: the bar then
 * shows activity, the text the bytes so far), its cancel button, and how it ended.
 */
export function DownloadProgress({ state, onCancel }: { state: DownloadState; onCancel: () => void }) {
  const w = useReportsWords();
  const [lang] = useLanguage();
  if (state.status === 'failed') {
    return (
      <p role="alert" class="form-problem">
        {w(FAILURE_WORDS[state.reason], { code: state.code })}
      </p>
    );
  }
  const message =
    state.status === 'running'
      ? state.total === null
        ? w('export.received', { size: formatBytes(state.received, lang) })
        : w('export.receivedOf', { size: formatBytes(state.received, lang), total: formatBytes(state.total, lang) })
      : state.status === 'saved'
        ? w('export.done', { file: state.file, size: formatBytes(state.size, lang) })
        : state.status === 'cancelled'
          ? w('export.cancelled', { file: state.file })
          : '';
  return (
    <div class="report-download">
      {state.status === 'running' && (
        <progress aria-label={w('export.progress', { file: state.file })} {...(state.total === null ? {} : { value: state.received, max: state.total })} />
      )}
      <p role="status" class="report-download__status">
        {message}
      </p>
      {state.status === 'running' && (
        <button type="button" class="button button--secondary" onClick={onCancel}>
          {w('export.cancel')}
        </button>
      )}
    </div>
  );
}
