import type { Generated } from 'kysely';
import type { AreaPlace } from '../../shared/schema/area-place.schema';
import type {
  Alumnus, Cohort, Enrollment, FollowUp, Provider, SelfReportLink, User, Vocation,
} from '../../shared/schema';

/**
 * Kysely's view of the database. Property names are camelCase; CamelCasePlugin maps
 * them to the snake_case tables and columns the migrations create (`followUps` →
 * `follow_ups`, `entityId` → `entity_id`).
 *
 * Booleans are stored as integer 0/1 on both dialects (better-sqlite3 cannot bind a JS
 * boolean); convert with `toRow`/`fromRow` from ./rows. Dates and timestamps are ISO
 * text. bigint columns read as JS numbers on both dialects (see database.ts).
 */
export type EntityRow<T, B extends keyof T> = {
  [K in keyof T]: K extends B ? number : T[K];
} & {
  /** Server version of the last change to this row, for sync. */
  version: Generated<number>;
};

export type ProvidersTable = EntityRow<Provider, 'deleted'>;
export type VocationsTable = EntityRow<Vocation, 'deleted'>;
export type AreaPlacesTable = EntityRow<AreaPlace, 'deleted'>;
export type CohortsTable = EntityRow<Cohort, 'deleted'>;
export type AlumniTable = EntityRow<Alumnus, 'deleted'>;
export type EnrollmentsTable = EntityRow<Enrollment, 'deleted'>;
export type FollowUpsTable = EntityRow<FollowUp, 'reached'>;
export type UsersTable = EntityRow<User, 'active'> & {
  /** An officer an admin lets create and edit cohorts; never synced to other devices. */
  managesCohorts: Generated<number>;
  passwordHash: string | null;
  mustChangePassword: Generated<number>;
};

export type SelfReportLinksTable = EntityRow<SelfReportLink, never> & {
  /** SHA-256 of the link's token, hex: a leaked row cannot be turned back into a link. */
  tokenHash: string;
};

/** A lookup of a token that does not exist, from `address`: too many and the address is refused (429). */
export interface SelfReportMissesTable {
  id: string;
  address: string;
  missedAt: string;
}

export interface SessionsTable {
  /** Hash of the session token: a leaked database row cannot be replayed as a cookie. */
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  userAgent: string | null;
}

export interface LoginAttemptsTable {
  id: string;
  /** What is rate-limited, e.g. `user:<username>` or `ip:<address>`. */
  key: string;
  attemptedAt: string;
  succeeded: number;
}

export interface ScopeVersionsTable {
  scope: string;
  version: number;
}

export interface ClientsTable {
  clientId: string;
  userId: string;
  lastMid: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

export interface ChangeLogTable {
  scope: string;
  version: number;
  entity: string;
  entityId: string;
  op: 'put' | 'delete';
  changedAt: string;
}

export interface MutationResultsTable {
  clientId: string;
  mid: number;
  status: 'applied' | 'rejected';
  code: string | null;
  message: string | null;
  /** A refusal's field issues or compare-and-set `current`, as JSON, so a retried push repeats them. */
  detailsJson: string | null;
  at: string;
}

export interface MutationFailuresTable {
  clientId: string;
  mid: number;
  attempts: number;
  lastError: string;
  at: string;
}

export interface AuditLogTable {
  id: string;
  userId: string;
  clientId: string | null;
  mutation: string;
  entity: string;
  entityId: string;
  beforeJson: string | null;
  afterJson: string | null;
  at: string;
}

export interface FieldClocksTable {
  entity: string;
  entityId: string;
  field: string;
  hlc: string;
}

export interface FieldHistoryTable {
  id: string;
  entity: string;
  entityId: string;
  field: string;
  valueJson: string | null;
  hlc: string;
  replacedAt: string;
}

/** One day a person's status changed (shared/domain/status-timeline.ts), kept with each follow-up write. */
export type StatusStepsTable = {
  alumnusId: string;
  onDay: string;
  status: 'employed' | 'business' | 'seeking' | 'unreachable';
  selfReported: number;
  /** The person's next step's day, null for their latest: this step holds on days in [onDay, untilDay). */
  untilDay: string | null;
};

/**
 * Per person with a live enrolment, what the absorption report needs of their
 * enrolments, kept with each enrolment write (report-people.repository.ts).
 */
export type ReportPeopleTable = {
  alumnusId: string;
  /** The cohort of their one live enrolment; null when they have several (the report reads those enrolments). */
  soleCohortId: string | null;
  /** Of the one live enrolment: the day from which it counts as graduated ('' when undated), null when it does not. */
  graduatedFrom: string | null;
  /** The same for certified as competent. */
  certifiedFrom: string | null;
};

export interface AppMetaTable {
  key: string;
  value: string;
}

export interface Database {
  providers: ProvidersTable;
  vocations: VocationsTable;
  areaPlaces: AreaPlacesTable;
  cohorts: CohortsTable;
  alumni: AlumniTable;
  enrollments: EnrollmentsTable;
  followUps: FollowUpsTable;
  statusSteps: StatusStepsTable;
  reportPeople: ReportPeopleTable;
  users: UsersTable;
  selfReportLinks: SelfReportLinksTable;
  selfReportMisses: SelfReportMissesTable;
  sessions: SessionsTable;
  loginAttempts: LoginAttemptsTable;
  scopeVersions: ScopeVersionsTable;
  clients: ClientsTable;
  changeLog: ChangeLogTable;
  mutationResults: MutationResultsTable;
  mutationFailures: MutationFailuresTable;
  auditLog: AuditLogTable;
  fieldClocks: FieldClocksTable;
  fieldHistory: FieldHistoryTable;
  appMeta: AppMetaTable;
}
