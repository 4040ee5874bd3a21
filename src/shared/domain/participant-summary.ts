import type { Enrollment } from '../schema/enrollment.schema';

/** How a cohort's participants stand: the figures of its line in the cohort list. */
export type ParticipantSummary = {
  participants: number;
  graduated: number;
  /** Certified competent: the certificate is what a graduate takes to an employer. */
  certified: number;
};

/** Counts the live enrolments of each cohort, by cohort id. */
export function participantSummaries(enrollments: Iterable<Enrollment>): Map<string, ParticipantSummary> {
  const summaries = new Map<string, ParticipantSummary>();
  for (const enrollment of enrollments) {
    if (enrollment.deleted) continue;
    let summary = summaries.get(enrollment.cohortId);
    if (summary === undefined) {
      summary = { participants: 0, graduated: 0, certified: 0 };
      summaries.set(enrollment.cohortId, summary);
    }
    summary.participants += 1;
    if (enrollment.outcome === 'graduated') summary.graduated += 1;
    if (enrollment.certification === 'competent') summary.certified += 1;
  }
  return summaries;
}

export const NO_PARTICIPANTS: ParticipantSummary = { participants: 0, graduated: 0, certified: 0 };

/**
 * A NIK for eyes that need only to tell people apart (a supervisor's or an officer's
 * view of a cohort): the region code and the serial stay, the birth date is hidden.
 * `6471054508990001` → `647105••••••0001`. Anything that is not 16 characters is
 * hidden whole but for its last four.
 */
export function maskNik(nik: string): string {
  if (nik.length !== 16) return `${'•'.repeat(Math.max(0, nik.length - 4))}${nik.slice(-4)}`;
  return `${nik.slice(0, 6)}${'•'.repeat(6)}${nik.slice(12)}`;
}
