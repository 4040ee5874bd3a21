import { useEffect, useRef, useState } from 'preact/hooks';
import { downloadExport, exportUrl, type DownloadFailure, type ExportRequest } from './download-export';

export type DownloadState =
  | { status: 'idle' }
  | { status: 'running'; file: string; received: number; total: number | null }
  | { status: 'saved'; file: string; size: number }
  | { status: 'cancelled'; file: string }
  | { status: 'failed'; reason: DownloadFailure; code: string };

/**
 * One export download at a time, with its progress as state and a way to cancel it.
 * Leaving the screen cancels a running download: nobody is left to save it.
 */
export function useExportDownload(): { state: DownloadState; start: (request: ExportRequest) => void; cancel: () => void } {
  const [state, setState] = useState<DownloadState>({ status: 'idle' });
  const running = useRef<AbortController | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  const start = (request: ExportRequest) => {
    if (running.current !== null) return;
    const controller = new AbortController();
    running.current = controller;
    const file = `${request.table}-${request.asOf}.${request.format}`;
    setState({ status: 'running', file, received: 0, total: null });
    void downloadExport(exportUrl(request), file, controller.signal, (received, total) => {
      if (!controller.signal.aborted) setState({ status: 'running', file, received, total });
    }).then((outcome) => {
      running.current = null;
      if (outcome.kind === 'saved') setState({ status: 'saved', file: outcome.file, size: outcome.size });
      else if (outcome.kind === 'cancelled') setState({ status: 'cancelled', file });
      else setState({ status: 'failed', reason: outcome.reason, code: outcome.code });
    });
  };

  return { state, start, cancel: () => running.current?.abort() };
}
