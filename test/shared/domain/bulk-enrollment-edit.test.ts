import { describe, expect, it } from 'vitest';
import { parsePastedColumn, planBulkEdit, type BulkPlan, type CertificationChange } from '../../../src/shared/domain/bulk-enrollment-edit';
import type { Enrollment } from '../../../src/shared/schema';
import { anEnrollment } from '../../fixtures/builders';

const enrolled = (extra: Partial<Enrollment> = {}) => anEnrollment({ outcome: 'enrolled', graduationDate: null, ...extra });
const certification = (extra: Partial<CertificationChange>): CertificationChange => ({
  kind: 'certification', certification: 'competent', scheduledDate: '', issuedDate: '', numbers: [], ...extra,
});
const problemsOf = (plan: BulkPlan) => (plan.kind === 'invalid' ? plan.problems : []);

describe('planBulkEdit: outcome', () => {
  it('graduates every selected row, with the values shown as base', () => {
    const rows = [enrolled(), enrolled({ graduationDate: '2024-03-29' })];
    const plan = planBulkEdit(rows, { kind: 'outcome', outcome: 'graduated', graduationDate: '2024-03-30' });
    expect(plan).toEqual({
      kind: 'ok',
      updates: [
        { id: rows[0]?.id, patch: { outcome: 'graduated', graduationDate: '2024-03-30' }, base: { outcome: 'enrolled', graduationDate: null } },
        { id: rows[1]?.id, patch: { outcome: 'graduated', graduationDate: '2024-03-30' }, base: { outcome: 'enrolled', graduationDate: '2024-03-29' } },
      ],
    });
  });

  it('sends only the fields that change, and nothing for a row already so', () => {
    const done = anEnrollment({ graduationDate: '2024-03-30' });
    const other = anEnrollment({ graduationDate: '2024-03-01' });
    const plan = planBulkEdit([done, other], { kind: 'outcome', outcome: 'graduated', graduationDate: '2024-03-30' });
    expect(plan).toEqual({ kind: 'ok', updates: [{ id: other.id, patch: { graduationDate: '2024-03-30' }, base: { graduationDate: '2024-03-01' } }] });
  });

  it('clears the graduation day of a dropout', () => {
    const row = anEnrollment({ graduationDate: '2024-03-30' });
    const plan = planBulkEdit([row], { kind: 'outcome', outcome: 'dropped-out', graduationDate: '2024-03-30' });
    expect(plan).toMatchObject({ kind: 'ok', updates: [{ patch: { outcome: 'dropped-out', graduationDate: null }, base: { outcome: 'graduated', graduationDate: '2024-03-30' } }] });
  });

  it.each([
    ['no date', '', 'required'],
    ['an impossible date', '2024-02-30', 'invalid-date'],
  ])('refuses graduation with %s', (_, graduationDate, code) => {
    expect(problemsOf(planBulkEdit([enrolled()], { kind: 'outcome', outcome: 'graduated', graduationDate }))).toEqual([{ field: 'graduationDate', code }]);
  });

  it('refuses an empty selection', () => {
    expect(problemsOf(planBulkEdit([], { kind: 'outcome', outcome: 'not-graduated', graduationDate: '' }))).toEqual([{ field: 'selection', code: 'none-selected' }]);
  });
});

describe('planBulkEdit: certification', () => {
  it('gives each competent row its own certificate number, in selection order', () => {
    const rows = [anEnrollment(), anEnrollment(), anEnrollment()];
    const plan = planBulkEdit(rows, certification({ issuedDate: '2025-02-10', numbers: [' C-1 ', 'C-2', ''] }));
    expect(plan.kind === 'ok' ? plan.updates.map((update) => update.patch) : plan).toEqual([
      { certification: 'competent', certificationIssuedDate: '2025-02-10', certificateNumber: 'C-1' },
      { certification: 'competent', certificationIssuedDate: '2025-02-10', certificateNumber: 'C-2' },
      { certification: 'competent', certificationIssuedDate: '2025-02-10' },
    ]);
    expect(plan.kind === 'ok' ? plan.updates[0]?.base : null).toEqual({ certification: 'none', certificationIssuedDate: null, certificateNumber: '' });
  });

  it('schedules with a date, which scheduling needs', () => {
    const row = anEnrollment();
    expect(planBulkEdit([row], certification({ certification: 'scheduled', scheduledDate: '2025-02-01' }))).toEqual({
      kind: 'ok',
      updates: [{ id: row.id, patch: { certification: 'scheduled', certificationScheduledDate: '2025-02-01' }, base: { certification: 'none', certificationScheduledDate: null } }],
    });
    expect(problemsOf(planBulkEdit([row], certification({ certification: 'scheduled' })))).toEqual([{ field: 'scheduledDate', code: 'required' }]);
  });

  it('ignores numbers and the issue date for "not yet competent"', () => {
    const plan = planBulkEdit([anEnrollment()], certification({ certification: 'not-yet-competent', issuedDate: '2025-02-10', numbers: ['X'] }));
    expect(plan).toMatchObject({ kind: 'ok', updates: [{ patch: { certification: 'not-yet-competent' } }] });
  });

  it('refuses as many numbers as there are not rows, and a number too long for its row', () => {
    const rows = [anEnrollment(), anEnrollment()];
    expect(problemsOf(planBulkEdit(rows, certification({ numbers: ['A', 'B', 'C'] })))).toEqual([{ field: 'numbers', code: 'count-mismatch' }]);
    expect(problemsOf(planBulkEdit(rows, certification({ numbers: ['A', 'x'.repeat(81)] })))).toEqual([{ field: 'numbers', code: 'too-long', row: 1 }]);
  });
});

describe('parsePastedColumn', () => {
  it.each<[string, string, string[]]>([
    ['one number a line', 'A-1\nA-2\nA-3', ['A-1', 'A-2', 'A-3']],
    ['Windows line ends and the trailing newline of a copied column', 'A-1\r\nA-2\r\n', ['A-1', 'A-2']],
    ['spaces trimmed, blank lines around dropped', '\n  A-1 \n\nA-3\n\n', ['A-1', '', 'A-3']],
    ['only the first cell of a row copied with more columns', 'A-1\tSiti\nA-2\tBudi', ['A-1', 'A-2']],
    ['nothing', '  \n', []],
  ])('%s', (_, text, expected) => {
    expect(parsePastedColumn(text)).toEqual(expected);
  });
});
