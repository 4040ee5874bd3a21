import * as v from 'valibot';
import {
  IdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  RecordFields,
  choice,
  optionalText,
} from './common.schema';

/**
 * How a contact happened. `self-report` is an alumnus answering through a personal link
 * (src/shared/domain/self-report.ts): its author is the alumnus, never an officer, so
 * officers choose among OFFICER_CHANNELS only.
 */
export const CHANNELS = ['visit', 'phone', 'whatsapp', 'self-report'] as const;
export type Channel = (typeof CHANNELS)[number];

export const OFFICER_CHANNELS = ['visit', 'phone', 'whatsapp'] as const satisfies readonly Channel[];
export type OfficerChannel = (typeof OFFICER_CHANNELS)[number];

export const SELF_REPORT_CHANNEL = 'self-report' satisfies Channel;

export const ALUMNUS_STATUSES = ['employed', 'business', 'seeking'] as const;
export type AlumnusStatus = (typeof ALUMNUS_STATUSES)[number];

export const UNREACHED_REASONS = ['no-answer', 'wrong-number', 'moved', 'refused', 'other'] as const;
export type UnreachedReason = (typeof UNREACHED_REASONS)[number];

/** Monthly income or revenue, in rupiah bands (people answer in bands, not figures). */
export const MONEY_BANDS = ['under-1m', '1m-3m', '3m-5m', '5m-10m', 'over-10m'] as const;
export type MoneyBand = (typeof MONEY_BANDS)[number];

const nullableCount = v.nullable(
  v.pipe(v.number('invalid-type'), v.integer('invalid-type'), v.minValue(0, 'out-of-range'), v.maxValue(10_000, 'out-of-range')),
);
const nullableNumberIn = (min: number, max: number) =>
  v.nullable(v.pipe(v.number('invalid-type'), v.minValue(min, 'out-of-range'), v.maxValue(max, 'out-of-range')));

const FollowUpFieldsSchema = v.object({
  ...RecordFields,
  alumnusId: IdSchema,
  officerId: IdSchema,
  contactedAt: IsoDateTimeSchema,
  channel: choice(CHANNELS),
  reached: v.boolean('invalid-type'),
  unreachedReason: v.nullable(choice(UNREACHED_REASONS)),
  status: v.nullable(choice(ALUMNUS_STATUSES)),
  statusStartDate: v.nullable(IsoDateSchema),
  employer: optionalText(160),
  jobTitle: optionalText(120),
  sector: optionalText(120),
  incomeBand: v.nullable(choice(MONEY_BANDS)),
  businessName: optionalText(160),
  businessKind: optionalText(120),
  businessEmployees: nullableCount,
  revenueBand: v.nullable(choice(MONEY_BANDS)),
  notes: optionalText(2000),
  gpsLat: nullableNumberIn(-90, 90),
  gpsLng: nullableNumberIn(-180, 180),
  gpsAccuracy: nullableNumberIn(0, 100_000),
  nextFollowUpDate: v.nullable(IsoDateSchema),
  voidedAt: v.nullable(IsoDateTimeSchema),
  voidedBy: v.nullable(IdSchema),
  voidReason: optionalText(500),
});
type FollowUpFields = v.InferOutput<typeof FollowUpFieldsSchema>;

/** The rules across a follow-up's fields, checked once every field is. */
const FOLLOW_UP_RULES = [
  // An alumnus answering for themselves may prefer not to say: reached, no status.
  v.forward(
    v.check((f: FollowUpFields) => !f.reached || f.status !== null || f.channel === SELF_REPORT_CHANNEL, 'status-required'),
    ['status'],
  ),
  v.forward(
    v.check((f: FollowUpFields) => f.reached || f.status === null, 'status-not-allowed'),
    ['status'],
  ),
  v.forward(
    v.check((f: FollowUpFields) => f.reached || f.unreachedReason !== null, 'reason-required'),
    ['unreachedReason'],
  ),
  v.forward(
    v.check((f: FollowUpFields) => f.voidedAt === null || f.voidReason !== '', 'reason-required'),
    ['voidReason'],
  ),
] as const;

/**
 * One contact attempt. Append-only: a mistake is corrected by voiding (voidedAt,
 * voidedBy, voidReason) and logging a new follow-up, never by rewriting this one.
 * Fields of the status not found stay empty (null or '').
 */
export const FollowUpSchema = v.pipe(FollowUpFieldsSchema, ...FOLLOW_UP_RULES);
export type FollowUp = v.InferOutput<typeof FollowUpSchema>;

/**
 * Only the rules across fields, for a record built from fields already checked one by
 * one (a pushed follow-up's arguments, parsed by its mutation's schema, and the server's
 * own stamps): a push builds thousands, and checking every field again took a tenth of
 * its time on the server.
 */
export const FollowUpRulesSchema = v.pipe(v.custom<FollowUpFields>(() => true), ...FOLLOW_UP_RULES);
