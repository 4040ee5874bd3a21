import * as v from 'valibot';
import type { MutationInput } from '../../sync/mutate';
import { FollowUpSchema, type FollowUp } from '../../../shared/schema/follow-up.schema';
import { toFieldIssues } from '../../../shared/schema/issues';
import type { ErrorCode } from '../../../shared/errors';
import { instantOf, type FollowUpValues } from './follow-up-values';

/** The parts of the form an error can stand beside. */
export type FormField =
  | 'channel'
  | 'reached'
  | 'unreachedReason'
  | 'status'
  | 'employer'
  | 'jobTitle'
  | 'sector'
  | 'startMonth'
  | 'incomeBand'
  | 'businessName'
  | 'businessKind'
  | 'businessEmployees'
  | 'revenueBand'
  | 'notes'
  | 'contactedAt'
  | 'nextFollowUpDate'
  | 'gps';

export type FieldErrors = Partial<Record<FormField, ErrorCode>>;

export type Built = { kind: 'ok'; args: MutationInput<'follow-up.log'> } | { kind: 'invalid'; errors: FieldErrors; unplaced: ErrorCode | null };

type Context = { id: string; alumnusId: string; officerId: string; now: Date };

/**
 * The record the server will store, checked with the same FollowUpSchema it uses — the
 * mutation's own schema checks fields one by one, but "a contact not reached needs a
 * reason" and "a reached one a status" live in the record's schema, and a change the
 * server would refuse must be refused here, beside the field, not days later in the
 * sync bar. Only the fields of the status found are kept: a job typed and then
 * switched to "business" is not sent.
 */
export function buildFollowUp(values: FollowUpValues, { id, alumnusId, officerId, now }: Context): Built {
  const candidate = candidateOf(values, { id, alumnusId, officerId, now });
  const errors: FieldErrors = {};
  // The questions before the schema: their absence reads better as "required" than as its type error.
  if (values.channel === '') errors.channel = 'required';
  if (values.reached === '') errors.reached = 'required';
  if (values.reached === 'no' && values.unreachedReason === '') errors.unreachedReason = 'reason-required';
  if (values.reached === 'yes' && values.status === '') errors.status = 'status-required';
  if (values.contactedAt.trim() === '') errors.contactedAt = 'required';

  const parsed = v.safeParse(FollowUpSchema, candidate);
  let unplaced: ErrorCode | null = null;
  if (!parsed.success) {
    for (const issue of toFieldIssues(parsed.issues)) {
      const field = fieldOf(issue.path);
      if (field === null) unplaced ??= issue.code;
      else errors[field] ??= issue.code;
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { kind: 'invalid', errors, unplaced };
  return { kind: 'ok', args: logArgsOf(parsed.output) };
}

/**
 * The contact as a FollowUp, for the due-date rule to propose the next date from (its
 * own next date left out: that is what is being proposed). Null until it has a time.
 */
export function contactForRule(values: FollowUpValues, context: Context): FollowUp | null {
  const contactedAt = instantOf(values.contactedAt);
  if (contactedAt === null) return null;
  const at = context.now.toISOString();
  return {
    id: context.id, alumnusId: context.alumnusId, officerId: context.officerId, createdAt: at, updatedAt: at,
    contactedAt, channel: 'phone', reached: values.reached === 'yes', unreachedReason: null, status: null,
    statusStartDate: null, employer: '', jobTitle: '', sector: '', incomeBand: null, businessName: '', businessKind: '',
    businessEmployees: null, revenueBand: null, notes: '', gpsLat: null, gpsLng: null, gpsAccuracy: null,
    nextFollowUpDate: null, voidedAt: null, voidedBy: null, voidReason: '',
  };
}

function candidateOf(values: FollowUpValues, { id, alumnusId, officerId, now }: Context): Record<keyof FollowUp, unknown> {
  const at = now.toISOString();
  const reached = values.reached === 'yes';
  const status = reached && values.status !== '' ? values.status : null;
  const employed = status === 'employed';
  const business = status === 'business';
  return {
    id, createdAt: at, updatedAt: at, alumnusId, officerId,
    // An unreadable time goes to the schema as typed, which names it invalid beside the field.
    contactedAt: instantOf(values.contactedAt) ?? values.contactedAt,
    channel: values.channel,
    reached,
    unreachedReason: !reached && values.unreachedReason !== '' ? values.unreachedReason : null,
    status,
    statusStartDate: (employed || business) && values.startMonth !== '' ? `${values.startMonth}-01` : null,
    employer: employed ? values.employer : '',
    jobTitle: employed ? values.jobTitle : '',
    sector: employed ? values.sector : '',
    incomeBand: employed && values.incomeBand !== '' ? values.incomeBand : null,
    businessName: business ? values.businessName : '',
    businessKind: business ? values.businessKind : '',
    businessEmployees: business ? countOf(values.businessEmployees) : null,
    revenueBand: business && values.revenueBand !== '' ? values.revenueBand : null,
    notes: values.notes,
    gpsLat: values.gps?.lat ?? null,
    gpsLng: values.gps?.lng ?? null,
    gpsAccuracy: values.gps?.accuracy ?? null,
    nextFollowUpDate: values.nextFollowUpDate === '' ? null : values.nextFollowUpDate,
    voidedAt: null,
    voidedBy: null,
    voidReason: '',
  };
}

/** Empty is "not known"; anything but digits is NaN, which the schema refuses beside the field. */
function countOf(typed: string): number | null {
  const trimmed = typed.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function logArgsOf(f: FollowUp): MutationInput<'follow-up.log'> {
  return {
    id: f.id, alumnusId: f.alumnusId, contactedAt: f.contactedAt, channel: f.channel, reached: f.reached,
    unreachedReason: f.unreachedReason, status: f.status, statusStartDate: f.statusStartDate,
    employer: f.employer, jobTitle: f.jobTitle, sector: f.sector, incomeBand: f.incomeBand,
    businessName: f.businessName, businessKind: f.businessKind, businessEmployees: f.businessEmployees, revenueBand: f.revenueBand,
    notes: f.notes, gpsLat: f.gpsLat, gpsLng: f.gpsLng, gpsAccuracy: f.gpsAccuracy, nextFollowUpDate: f.nextFollowUpDate,
  };
}

/** A schema or mutation path (`statusStartDate`, `gpsLat`) → the form field it is shown beside. */
export function fieldOf(path: string): FormField | null {
  switch (path) {
    case 'statusStartDate':
      return 'startMonth';
    case 'gpsLat':
    case 'gpsLng':
    case 'gpsAccuracy':
      return 'gps';
    case 'channel': case 'reached': case 'unreachedReason': case 'status': case 'employer': case 'jobTitle': case 'sector':
    case 'incomeBand': case 'businessName': case 'businessKind': case 'businessEmployees': case 'revenueBand': case 'notes':
    case 'contactedAt': case 'nextFollowUpDate':
      return path;
    default:
      return null;
  }
}
