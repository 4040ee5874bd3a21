import { describe, expect, it } from 'vitest';
import { pressSummary } from '../../src/client/features/reports/press-summary';
import { formatBytes, formatCount, formatLongDate, formatPercent } from '../../src/client/features/reports/report-format';
import type { AbsorptionFigures, AbsorptionGroup, AbsorptionReport, ReportDimension } from '../../src/shared/api/reports.api';

/** Figures from the five outcomes; graduated, reached and the rate follow as the rule defines them. */
function figures(trained: number, outcomes: { employed: number; business: number; seeking: number; unreachable: number; neverContacted: number }, certified = 0): AbsorptionFigures {
  const graduated = outcomes.employed + outcomes.business + outcomes.seeking + outcomes.unreachable + outcomes.neverContacted;
  return {
    trained,
    graduated,
    certified,
    ...outcomes,
    reached: outcomes.employed + outcomes.business + outcomes.seeking,
    absorptionRate: graduated === 0 ? null : (outcomes.employed + outcomes.business) / graduated,
  };
}

function group(dimension: ReportDimension, key: string, values: AbsorptionFigures, name?: string): AbsorptionGroup {
  return { ...values, key, keys: { [dimension]: key }, names: name === undefined ? {} : { [dimension]: name } };
}

const NONE = { employed: 0, business: 0, seeking: 0, unreachable: 0, neverContacted: 0 };
const MURNI = figures(748, { employed: 53, business: 36, seeking: 400, unreachable: 100, neverContacted: 142 });
const PERUBAHAN = figures(622, { employed: 40, business: 20, seeking: 300, unreachable: 50, neverContacted: 200 });
// 18 people trained under both budgets: counted once in the total.
const BOTH = figures(1352, { employed: 93, business: 56, seeking: 682, unreachable: 150, neverContacted: 342 });

function report(asOf: string, groupBy: ReportDimension[], total: AbsorptionFigures, groups: AbsorptionGroup[]): AbsorptionReport {
  return { asOf, groupBy, total, groups, selfReport: { statuses: 0, linksSent: 0, linksAnswered: 0 } };
}

describe('pressSummary', () => {
  it('writes the office’s year-end paragraph by funding source, murni first, with coverage', () => {
    const text = pressSummary({
      report: report('2024-12-31', ['funding-source'], BOTH, [group('funding-source', 'apbd-perubahan', PERUBAHAN), group('funding-source', 'apbd-murni', MURNI)]),
      years: [2024],
    });
    expect(text).toBe(
      'Sepanjang 2024, Disnaker melatih 1.352 orang: 748 dari APBD murni dan 622 dari APBD perubahan. ' +
        'Sebagian peserta mengikuti lebih dari satu pelatihan, sehingga jumlah per kelompok melebihi jumlah orang. ' +
        'Per 31 Desember 2024, dari lulusan APBD murni 53 orang telah bekerja dan 36 orang membuka usaha (penyerapan 12,2%); ' +
        'dari lulusan APBD perubahan 40 orang telah bekerja dan 20 orang membuka usaha (penyerapan 9,8%). ' +
        'Secara keseluruhan, tingkat penyerapan mencapai 11,3% dari 1.323 lulusan. ' +
        'Petugas telah berhasil menghubungi 831 dari 1.323 lulusan (62,8%), 682 orang di antaranya masih mencari kerja; ' +
        '150 orang belum berhasil dihubungi dan 342 orang belum pernah dihubungi.',
    );
  });

  it('says "hingga" for a day inside the year, and names the day once', () => {
    const text = pressSummary({ report: report('2024-08-31', ['funding-source'], MURNI, [group('funding-source', 'apbd-murni', MURNI)]), years: [2024] });
    expect(text).toBe(
      'Hingga 31 Agustus 2024, Disnaker telah melatih 748 orang dalam tahun anggaran 2024, seluruhnya dari APBD murni. ' +
        'Per tanggal tersebut, dari lulusan APBD murni 53 orang telah bekerja dan 36 orang membuka usaha, sehingga tingkat penyerapan mencapai 12,2% dari 731 lulusan. ' +
        'Petugas telah berhasil menghubungi 489 dari 731 lulusan (66,9%), 400 orang di antaranya masih mencari kerja; ' +
        '100 orang belum berhasil dihubungi dan 142 orang belum pernah dihubungi.',
    );
  });

  it.each([
    { years: [], opening: 'Hingga 31 Agustus 2024, Disnaker telah melatih 748 orang.' },
    { years: [2024, 2023], opening: 'Hingga 31 Agustus 2024, Disnaker telah melatih 748 orang dalam tahun anggaran 2023–2024.' },
    { years: [2023], opening: 'Sepanjang 2023, Disnaker melatih 748 orang.' },
  ])('opens with the period of the years $years', ({ years, opening }) => {
    expect(pressSummary({ report: report('2024-08-31', [], MURNI, []), years })).toMatch(new RegExp(`^${opening.replace(/[.()]/g, '\\$&')} Per `));
  });

  it('says nothing twice for a single budget year', () => {
    const text = pressSummary({ report: report('2024-12-31', ['year'], MURNI, [group('year', '2024', MURNI)]), years: [2024] });
    expect(text).toMatch(/^Sepanjang 2024, Disnaker melatih 748 orang\. Per 31 Desember 2024, dari 731 lulusan, 53 orang telah bekerja/);
  });

  it('says so when nobody has graduated yet, and nothing about outcomes', () => {
    const text = pressSummary({ report: report('2024-03-10', [], figures(40, NONE), []), years: [2024] });
    expect(text).toBe('Hingga 10 Maret 2024, Disnaker telah melatih 40 orang dalam tahun anggaran 2024. Per tanggal tersebut, belum ada peserta yang lulus.');
  });

  it('counts many groups instead of listing them, and names the one with the highest rate', () => {
    const providers = ['A', 'B', 'C', 'D', 'E'].map((letter, index) =>
      group('provider', `p${letter}`, figures(20, { employed: index, business: 1, seeking: 10, unreachable: 0, neverContacted: 9 - index }), `LPK ${letter}`),
    );
    const text = pressSummary({ report: report('2024-12-31', ['provider'], BOTH, providers), years: [2024] });
    expect(text).toContain('Disnaker melatih 1.352 orang di 5 lembaga pelatihan.');
    expect(text).toContain('Penyerapan tertinggi tercatat pada lulusan LPK E (25,0%).');
    expect(text).not.toContain('Sebagian peserta');
  });

  it('names no groups for two dimensions, only the totals', () => {
    const text = pressSummary({
      report: report('2024-12-31', ['provider', 'funding-source'], MURNI, [{ ...group('provider', 'p1', MURNI, 'LPK A'), keys: { provider: 'p1', 'funding-source': 'apbd-murni' } }]),
      years: [2024],
    });
    expect(text).toMatch(/^Sepanjang 2024, Disnaker melatih 748 orang\. Per 31 Desember 2024, dari 731 lulusan, 53 orang/);
  });

  it('says a group without graduates has none, and mentions certificates once issued', () => {
    const text = pressSummary({
      report: report('2024-12-31', ['vocation'], figures(60, { employed: 5, business: 5, seeking: 10, unreachable: 0, neverContacted: 0 }, 12), [
        group('vocation', 'v1', figures(20, NONE), 'Las'),
        group('vocation', 'v2', figures(40, { employed: 5, business: 5, seeking: 10, unreachable: 0, neverContacted: 0 }, 12), 'Barbershop'),
      ]),
      years: [2024],
    });
    expect(text).toContain('Disnaker melatih 60 orang: 40 pada kejuruan Barbershop dan 20 pada kejuruan Las.');
    expect(text).toContain('dari lulusan kejuruan Barbershop 5 orang telah bekerja dan 5 orang membuka usaha (penyerapan 50,0%); lulusan kejuruan Las belum ada.');
    expect(text).toContain('Petugas telah berhasil menghubungi 20 dari 20 lulusan (100,0%), 10 orang di antaranya masih mencari kerja.');
    expect(text).toMatch(/Sebanyak 12 orang telah menerima sertifikat kompetensi\.$/);
  });

  it('lists three groups the PUEBI way and names unsynced ones honestly', () => {
    const years = [2022, 2023, 2024].map((year) => group('year', String(year), figures(10, NONE)));
    expect(pressSummary({ report: report('2024-12-31', ['year'], figures(30, NONE), years), years: [2022, 2023, 2024] })).toContain(
      ': 10 pada tahun anggaran 2022, 10 pada tahun anggaran 2023, dan 10 pada tahun anggaran 2024.',
    );
    const unnamed = pressSummary({ report: report('2024-12-31', ['provider'], MURNI, [group('provider', 'p1', MURNI)]), years: [2024] });
    expect(unnamed).toContain('seluruhnya di Belum tersinkron');
  });
});

describe('report formats', () => {
  it.each([
    [formatCount(1370, 'id'), '1.370'],
    [formatCount(1370, 'en'), '1,370'],
    [formatPercent(0.1217, 'id'), '12,2%'],
    [formatPercent(0.1217, 'en'), '12.2%'],
    [formatPercent(null, 'id'), '—'],
    [formatLongDate('2024-08-31', 'id'), '31 Agustus 2024'],
    [formatLongDate('2024-08-31', 'en'), '31 August 2024'],
    [formatBytes(812, 'id'), '812 B'],
    [formatBytes(1_258_291, 'id'), '1,2 MB'],
    [formatBytes(1_258_291, 'en'), '1.2 MB'],
  ])('%s is %s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});
