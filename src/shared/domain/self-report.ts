import type { NewFollowUpRequest } from '../api/follow-ups.api';
import type { SelfReportAnswer } from '../api/self-report.api';
import { SELF_REPORT_CHANNEL } from '../schema/follow-up.schema';
import type { SelfReportLink } from '../schema/self-report-link.schema';

/** How long a personal answer link stays usable, in days: one follow-up round's reach. */
export const SELF_REPORT_LINK_DAYS = 30;

const DAY_MS = 86_400_000;

/** When a link made at `createdAt` stops being usable. */
export function selfReportExpiry(createdAt: Date | string): string {
  return new Date(new Date(createdAt).getTime() + SELF_REPORT_LINK_DAYS * DAY_MS).toISOString();
}

/**
 * The address an alumnus opens: the server's configured public origin, else the one the
 * request came to; on a device, the origin the app itself was served from.
 */
export function selfReportUrl(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}/r/${token}`;
}

/** What an officer sees of a link: still waiting for the answer, answered, withdrawn, or past its time. */
export type SelfReportLinkState = 'waiting' | 'answered' | 'withdrawn' | 'expired';

export function selfReportLinkState(link: Pick<SelfReportLink, 'status' | 'expiresAt'>, now: Date): SelfReportLinkState {
  if (link.status === 'answered') return 'answered';
  if (link.status === 'withdrawn') return 'withdrawn';
  return Date.parse(link.expiresAt) <= now.getTime() ? 'expired' : 'waiting';
}

/**
 * The name the answer page greets with: the first word of the full name, and nothing
 * else of the person — a link forwarded to the wrong phone tells its reader no more.
 */
export function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/u)[0] ?? '';
}

/**
 * The follow-up an answer becomes: reached on the day it was sent, through the
 * `self-report` channel, with the fields of the status given (the others stay empty, as
 * on an officer's form). "Prefer not to say" is a reached contact without a status.
 */
export function selfReportFollowUp(answer: SelfReportAnswer, alumnusId: string, id: string, sentAt: Date): NewFollowUpRequest {
  const employed = answer.status === 'employed';
  const business = answer.status === 'business';
  return {
    id,
    alumnusId,
    contactedAt: sentAt.toISOString(),
    channel: SELF_REPORT_CHANNEL,
    reached: true,
    unreachedReason: null,
    status: answer.status === 'undisclosed' ? null : answer.status,
    statusStartDate: business && answer.businessStarted !== null ? `${answer.businessStarted}-01` : null,
    employer: employed ? answer.employer : '',
    jobTitle: employed ? answer.jobTitle : '',
    sector: employed ? answer.sector : '',
    incomeBand: employed ? answer.incomeBand : null,
    businessName: '',
    businessKind: business ? answer.businessKind : '',
    businessEmployees: null,
    revenueBand: null,
    notes: answer.notes,
    gpsLat: null,
    gpsLng: null,
    gpsAccuracy: null,
    nextFollowUpDate: null,
  };
}
