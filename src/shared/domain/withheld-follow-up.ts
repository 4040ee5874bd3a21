import type { FollowUp } from '../schema/follow-up.schema';
import type { SelfReportLink } from '../schema/self-report-link.schema';

/**
 * What provider staff see of a contact written outside their provider: by an officer, by
 * another provider's staff, or an alumnus's answer through a link someone else made.
 * They see the status history of the people they trained — when, through which channel,
 * reached or not (and why not), the status found and since when, the next date — and
 * nothing else: no author (which would tell where else the person trained), no notes,
 * no GPS fix, no employer, business or income, and no void reason nor who voided it.
 *
 * The record keeps the shape of a follow-up so devices store and show it like any other;
 * withheld people read as `WITHHELD_ID`, which names no user, and withheld text is empty.
 */
export const WITHHELD_ID = '00000000-0000-0000-0000-000000000000';

/** Stands in for a void reason that is withheld: a voided follow-up must carry one. */
export const WITHHELD_REASON = '-';

export function withheldFollowUp(followUp: FollowUp): FollowUp {
  const voided = followUp.voidedAt !== null;
  return {
    ...followUp,
    officerId: WITHHELD_ID,
    employer: '',
    jobTitle: '',
    sector: '',
    incomeBand: null,
    businessName: '',
    businessKind: '',
    businessEmployees: null,
    revenueBand: null,
    notes: '',
    gpsLat: null,
    gpsLng: null,
    gpsAccuracy: null,
    voidedBy: voided ? WITHHELD_ID : null,
    voidReason: voided ? WITHHELD_REASON : '',
  };
}

/** True when the follow-up is a withheld copy (`withheldFollowUp`): its author is nobody's. */
export function isWithheld(followUp: Pick<FollowUp, 'officerId'>): boolean {
  return followUp.officerId === WITHHELD_ID;
}

/** A self-report link made outside the reader's provider: its state, without who made or withdrew it. */
export function withheldSelfReportLink(link: SelfReportLink): SelfReportLink {
  return { ...link, createdBy: WITHHELD_ID, withdrawnBy: link.withdrawnBy === null ? null : WITHHELD_ID };
}
