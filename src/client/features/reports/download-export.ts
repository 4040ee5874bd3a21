import type { ExportFormat, ExportTableName } from '../../../shared/api/export.api';
import type { ReportDimension } from '../../../shared/api/reports.api';
import type { FundingSource } from '../../../shared/schema/cohort.schema';
import { notifySessionLost } from '../../api/session-lost';

export type ExportFilters = { provider: string; fundingSource: FundingSource | ''; year: string };

export type ExportRequest = {
  table: ExportTableName;
  format: ExportFormat;
  asOf: string;
  /** The absorption table follows the dashboard's grouping. */
  groupBy: readonly ReportDimension[];
  filters: ExportFilters;
  /** `;` between CSV fields, for Excel set to Indonesian (which reads `,` as the decimal mark). */
  semicolon: boolean;
};

/** `/api/export/alumni.csv?asOf=…&provider=…&separator=%3B`; empty filters are left out. */
export function exportUrl(request: ExportRequest): string {
  const query = new URLSearchParams({ asOf: request.asOf });
  if (request.filters.provider !== '') query.set('provider', request.filters.provider);
  if (request.filters.fundingSource !== '') query.set('fundingSource', request.filters.fundingSource);
  if (request.filters.year !== '') query.set('year', request.filters.year);
  if (request.table === 'absorption' && request.groupBy.length > 0) query.set('groupBy', request.groupBy.join(','));
  if (request.format === 'csv' && request.semicolon) query.set('separator', ';');
  return `/api/export/${request.table}.${request.format}?${query.toString()}`;
}

export type DownloadFailure = 'forbidden' | 'session' | 'invalid' | 'unreachable' | 'server';

export type DownloadOutcome =
  | { kind: 'saved'; file: string; size: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; reason: DownloadFailure; code: string };

export type Progress = (received: number, total: number | null) => void;

/**
 * Fetches an export and saves it, reporting bytes as they arrive (the server streams:
 * a large file takes a while and must show it is working). _Never_ throws. Aborting
 * `signal` cancels it. The file is kept in memory until complete, then handed to the
 * browser's download through a Blob: a fetch, unlike a plain link, can show progress
 * and be cancelled, and its errors come back as words instead of a broken file.
 */
export async function downloadExport(url: string, fallbackName: string, signal: AbortSignal, onProgress: Progress): Promise<DownloadOutcome> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', cache: 'no-store', signal });
  } catch {
    return signal.aborted ? { kind: 'cancelled' } : { kind: 'failed', reason: 'unreachable', code: 'unreachable' };
  }
  if (!response.ok) return refusal(response);
  const total = Number(response.headers.get('Content-Length'));
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    if (response.body === null) throw new TypeError('no body');
    const reader = response.body.getReader();
    onProgress(0, total > 0 ? total : null);
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress(received, total > 0 ? total : null);
    }
  } catch {
    return signal.aborted ? { kind: 'cancelled' } : { kind: 'failed', reason: 'unreachable', code: 'unreachable' };
  }
  const file = fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackName;
  saveBlob(new Blob(chunks as BlobPart[], { type: response.headers.get('Content-Type') ?? 'application/octet-stream' }), file);
  return { kind: 'saved', file, size: received };
}

async function refusal(response: Response): Promise<DownloadOutcome> {
  let code = `http-${response.status}`;
  try {
    const body = (await response.json()) as { error?: { code?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
  } catch {
    // Not our JSON (a proxy's page): the status speaks.
  }
  if (response.status === 401) {
    notifySessionLost();
    return { kind: 'failed', reason: 'session', code };
  }
  if (response.status === 403) return { kind: 'failed', reason: 'forbidden', code };
  if (response.status >= 500) return { kind: 'failed', reason: 'server', code };
  return { kind: 'failed', reason: 'invalid', code };
}

/** `attachment; filename="absorption-2024-08-31.xlsx"` → the name, without any path. */
export function fileNameOf(disposition: string | null): string | null {
  const match = disposition === null ? null : /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  if (match?.[1] === undefined) return null;
  let name = match[1];
  try {
    name = decodeURIComponent(name);
  } catch {
    // A stray `%`: the name as sent.
  }
  const last = name.split(/[\\/]/).at(-1) ?? '';
  return last === '' ? null : last;
}

/** Hands a finished file to the browser's downloads, as a link with `download` would. */
function saveBlob(blob: Blob, file: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = file;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not now: the browser reads the Blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
