import { describe, expect, it } from 'vitest';
import { exportUrl, fileNameOf, type ExportRequest } from '../../src/client/features/reports/download-export';

const BASE: ExportRequest = {
  table: 'alumni',
  format: 'xlsx',
  asOf: '2024-08-31',
  groupBy: ['funding-source'],
  filters: { provider: '', fundingSource: '', year: '' },
  semicolon: true,
};

describe('exportUrl', () => {
  it.each<[Partial<ExportRequest>, string]>([
    [{}, '/api/export/alumni.xlsx?asOf=2024-08-31'],
    [{ format: 'csv' }, '/api/export/alumni.csv?asOf=2024-08-31&separator=%3B'],
    [{ format: 'csv', semicolon: false }, '/api/export/alumni.csv?asOf=2024-08-31'],
    [{ table: 'absorption', groupBy: ['provider', 'funding-source'] }, '/api/export/absorption.xlsx?asOf=2024-08-31&groupBy=provider%2Cfunding-source'],
    [
      { table: 'follow-ups', filters: { provider: 'p-1', fundingSource: 'apbd-murni', year: '2024' } },
      '/api/export/follow-ups.xlsx?asOf=2024-08-31&provider=p-1&fundingSource=apbd-murni&year=2024',
    ],
  ])('%o → %s', (change, url) => {
    expect(exportUrl({ ...BASE, ...change })).toBe(url);
  });
});

describe('fileNameOf', () => {
  it.each([
    ['attachment; filename="jejak-alumni-per-2024-08-31.xlsx"', 'jejak-alumni-per-2024-08-31.xlsx'],
    ["attachment; filename*=UTF-8''laporan%20akhir.csv", 'laporan akhir.csv'],
    ['attachment; filename="../../etc/passwd"', 'passwd'],
    ['attachment; filename="100%.csv"', '100%.csv'],
    ['attachment', null],
    [null, null],
  ])('%s → %s', (header, name) => {
    expect(fileNameOf(header)).toBe(name);
  });
});
