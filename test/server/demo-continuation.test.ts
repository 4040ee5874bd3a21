import { describe, expect, it } from 'vitest';
import { DEMO_AS_OF, generateDemoData } from '../../src/server/demo/demo-data';
import { absorptionFigures } from '../../src/shared/domain/absorption';
import { dateInZone } from '../../src/shared/domain/dates';
import { buildWorklist, type DueBucket } from '../../src/shared/domain/worklist';

/**
 * The demo after 2024: the February 2025 assessments and the follow-ups up to the day
 * the demo is made, with the clock pinned so each test knows what "today" is.
 */
const TODAY = '2026-12-05';
const data = generateDemoData(TODAY);

function murni(asOf: string, records = data) {
  const group = absorptionFigures({ ...records, asOf, groupBy: ['funding-source'] }).groups.find((g) => g.key === 'apbd-murni');
  if (group === undefined) throw new Error('no apbd-murni group');
  return group;
}

function buckets(today: string, records = data): Record<DueBucket, number> {
  const counts: Record<DueBucket, number> = { overdue: 0, 'this-week': 0, later: 0 };
  for (const row of buildWorklist(records, today)) counts[row.bucket] += 1;
  return counts;
}

describe('the demo carried on to the day it is made', () => {
  it('keeps the 2024 story whatever the day: 748 murni, 53 employed and 36 in business on 31 August', () => {
    expect(murni(DEMO_AS_OF)).toMatchObject({ trained: 748, employed: 53, business: 36 });
    const early = generateDemoData('2025-01-02');
    expect(murni(DEMO_AS_OF, early)).toMatchObject({ trained: 748, employed: 53, business: 36 });
    // The records drawn for 2024 are the same ones, only more follow them.
    expect(early.alumni).toEqual(data.alumni);
    expect(early.followUps).toEqual(data.followUps.filter((f) => f.contactedAt < '2025'));
    expect(murni('2024-12-31', early)).toEqual(murni('2024-12-31'));
  });

  it('holds the assessments of February 2025: most competent with a certificate, some not yet', () => {
    const assessed = data.cohorts.map((c) => c.actualCertificationDate);
    expect(assessed.every((day) => day !== null && day >= '2025-02-01' && day <= '2025-02-28')).toBe(true);
    const results = data.enrollments.filter((e) => e.certification === 'competent' || e.certification === 'not-yet-competent');
    const competent = results.filter((e) => e.certification === 'competent');
    expect(data.enrollments.filter((e) => e.certification === 'scheduled')).toEqual([]);
    expect(competent.length / results.length).toBeGreaterThan(0.8);
    expect(competent.length).toBeLessThan(results.length);
    for (const e of competent) {
      expect(e.certificationIssuedDate).toMatch(/^2025-(02|03)-\d\d$/);
      expect((e.certificationIssuedDate ?? '') > (e.certificationScheduledDate ?? '')).toBe(true);
      expect(e.certificateNumber).toMatch(/^[A-Z]+\/[A-Z]{3}\/\d{4}\/(II|III)\/2025$/);
    }
    expect(new Set(competent.map((e) => e.certificateNumber)).size).toBe(competent.length);
    // Certificates count from their issue day: none in 2024, most by spring 2025.
    expect(murni('2024-12-31').certified).toBe(0);
    expect(murni('2025-04-30').certified).toBeGreaterThan(600);
  });

  it('leaves assessments not yet held as scheduled when made before February 2025', () => {
    const early = generateDemoData('2025-01-02');
    expect(early.cohorts.every((c) => c.actualCertificationDate === null)).toBe(true);
    expect(early.enrollments.some((e) => e.certification === 'scheduled')).toBe(true);
    expect(early.enrollments.some((e) => e.certification === 'competent')).toBe(false);
  });

  it('logs follow-ups through 2025 and 2026, none on or after the day the demo is made', () => {
    const days = data.followUps.map((f) => dateInZone(f.contactedAt));
    expect(days.filter((day) => day >= TODAY)).toEqual([]);
    for (const year of ['2025', '2026']) expect(days.filter((day) => day.startsWith(year)).length).toBeGreaterThan(200);
    expect(days.filter((day) => day.startsWith('2026-11')).length).toBeGreaterThan(10);
  });

  it('gives the worklist a mix: some overdue, some this week, more later', () => {
    const counts = buckets(TODAY);
    const total = counts.overdue + counts['this-week'] + counts.later;
    expect(counts['this-week']).toBeGreaterThan(0);
    expect(counts.later).toBeGreaterThan(counts['this-week']);
    expect(counts.overdue).toBeGreaterThan(0);
    // Not the whole list overdue, as a demo stopped in 2024 would show.
    expect(counts.overdue / total).toBeLessThan(0.6);
  });

  it('is deterministic for a day and follows the day it is made', () => {
    expect(generateDemoData(TODAY)).toEqual(data);
    const later = generateDemoData('2027-03-01');
    expect(later.followUps.length).toBeGreaterThan(data.followUps.length);
    expect(buckets('2027-03-01', later)['this-week']).toBeGreaterThan(0);
  });
});
