import { useId, useRef, useState } from 'preact/hooks';
import { useReportsWords } from './reports-words';

/**
 * The press summary, ready to copy. The clipboard API needs a secure context and the
 * user's permission; where it is missing or refused, the text is selected instead, so
 * one Ctrl+C still copies it exactly.
 */
export function SummaryPanel({ text }: { text: string }) {
  const w = useReportsWords();
  const headingId = useId();
  const paragraph = useRef<HTMLParagraphElement>(null);
  const [outcome, setOutcome] = useState<'copied' | 'selected' | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      selectText(paragraph.current);
      setOutcome('selected');
    }
  };

  return (
    <section class="report-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{w('summary.title')}</h2>
      <p ref={paragraph} lang="id" class="report-summary">
        {text}
      </p>
      <div class="report-summary__actions">
        <button type="button" class="button button--secondary" onClick={() => void copy()}>
          {w('summary.copy')}
        </button>
        <p role="status" class="muted">
          {outcome === null ? '' : w(outcome === 'copied' ? 'summary.copied' : 'summary.selected')}
        </p>
      </div>
    </section>
  );
}

function selectText(element: HTMLElement | null): void {
  const selection = window.getSelection();
  if (element === null || selection === null) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}
