import { mayVoidFollowUp } from '../../shared/domain/permissions';
import { selfReportExpiry } from '../../shared/domain/self-report';
import { keepSelfReportToken } from '../storage/self-report-tokens.repository';
import type { Role } from '../../shared/domain/roles';
import type { Cohort, Enrollment } from '../../shared/schema';
import type { MutationArgs, MutationName } from '../../shared/sync/mutations';
import { recordKey } from './entities';
import { LocalRefusal } from './local-refusal';
import type { LocalStore } from './local-store';

export type Actor = { id: string; role: Role; providerId: string | null };

/** Who acts, and when: `at` is the time the user acted (the outbox row's `createdAt`), also on a rebase. */
export type ApplyContext = { store: LocalStore; actor: Actor; at: string };

type Applier<N extends MutationName> = {
  /**
   * Applies the change to this device's tables, as the server will. Idempotent: a
   * rebase applies every pending change again on top of each pulled page. Reads and
   * checks first, writes last: a refusal leaves nothing half done.
   */
  apply(context: ApplyContext, args: MutationArgs<N>): Promise<void>;
};

export const LOCAL_APPLIERS: { [N in MutationName]: Applier<N> } = {
  'follow-up.log': {
    async apply({ store, actor, at }, args) {
      const alumnus = await store.get('alumni', args.alumnusId);
      if (alumnus === undefined || alumnus.deleted) throw new LocalRefusal('not-found', 'alumnusId');
      // Append-only, insert if absent, like the server: logging the same id again is the same contact.
      if ((await store.get('followUps', args.id)) !== undefined) return;
      await store.put('followUps', {
        ...args,
        officerId: actor.id,
        contactedAt: new Date(args.contactedAt).toISOString(),
        createdAt: at,
        updatedAt: at,
        voidedAt: null,
        voidedBy: null,
        voidReason: '',
      });
    },
  },

  'follow-up.void': {
    async apply({ store, actor, at }, args) {
      const followUp = await store.get('followUps', args.id);
      if (followUp === undefined) throw new LocalRefusal('not-found', 'id');
      if (!mayVoidFollowUp(actor, followUp)) throw new LocalRefusal('forbidden', 'id');
      if (followUp.voidedAt !== null) throw new LocalRefusal('conflict', 'id');
      await store.put('followUps', { ...followUp, voidedAt: at, voidedBy: actor.id, voidReason: args.reason, updatedAt: at });
    },
  },

  'alumnus.update-contact': {
    async apply({ store, at }, args) {
      const alumnus = await store.get('alumni', args.id);
      if (alumnus === undefined || alumnus.deleted) throw new LocalRefusal('not-found', 'id');
      const patch = defined(args.patch);
      if (!changes(alumnus, patch)) return;
      await store.put('alumni', { ...alumnus, ...patch, updatedAt: at });
    },
  },

  'cohort.create': {
    async apply({ store, actor, at }, args) {
      const { providerId = actor.providerId, ...fields } = args;
      if (providerId === null) throw new LocalRefusal('required', 'providerId');
      if ((await store.get('cohorts', args.id)) !== undefined) return;
      await store.put('cohorts', { ...fields, providerId, createdAt: at, updatedAt: at, deleted: false });
    },
  },

  'cohort.update': {
    async apply({ store, at }, args) {
      const cohort = await store.get('cohorts', args.id);
      if (cohort === undefined || cohort.deleted) throw new LocalRefusal('not-found', 'id');
      const patch = defined(args.patch);
      compareAndSet(cohort, patch, defined(args.base));
      const merged: Cohort = { ...cohort, ...patch };
      if (merged.endDate < merged.startDate) throw new LocalRefusal('dates-out-of-order', 'patch.endDate');
      if (changes(cohort, patch)) await store.put('cohorts', { ...merged, updatedAt: at });
    },
  },

  'enrollment.create': {
    async apply({ store, at }, args) {
      const { alumnus: person, ...fields } = args;
      const cohort = await store.get('cohorts', args.cohortId);
      if (cohort === undefined || cohort.deleted) throw new LocalRefusal('not-found', 'cohortId');
      // NIK first: a person trained twice is one alumnus, whatever id this form made.
      let alumnus = await store.db.alumni.where('nik').equals(person.nik).first();
      if (alumnus === undefined && (await store.get('alumni', person.id)) !== undefined) throw new LocalRefusal('conflict', 'alumnus.id');
      const taken = alumnus === undefined ? undefined : await store.db.enrollments.where('[cohortId+alumnusId]').equals([args.cohortId, alumnus.id]).first();
      if (taken !== undefined && taken.id !== args.id) throw new LocalRefusal('conflict', 'alumnus.nik');
      if (taken !== undefined || (await store.get('enrollments', args.id)) !== undefined) return;

      if (alumnus === undefined || alumnus.deleted) {
        alumnus = alumnus === undefined ? { ...person, createdAt: at, updatedAt: at, deleted: false } : { ...alumnus, deleted: false, updatedAt: at };
        await store.put('alumni', alumnus);
      }
      await store.put('enrollments', { ...fields, alumnusId: alumnus.id, createdAt: at, updatedAt: at, deleted: false });
    },
  },

  'enrollment.update': {
    async apply({ store, at }, args) {
      const enrollment = await store.get('enrollments', args.id);
      if (enrollment === undefined || enrollment.deleted) throw new LocalRefusal('not-found', 'id');
      const patch = defined(args.patch);
      compareAndSet(enrollment, patch, defined(args.base));
      if (changes(enrollment, patch)) await store.put('enrollments', { ...enrollment, ...patch, updatedAt: at } satisfies Enrollment);
    },
  },

  'enrollment.withdraw': {
    async apply({ store, at }, args) {
      const enrollment = await store.get('enrollments', args.id);
      if (enrollment === undefined) throw new LocalRefusal('not-found', 'id');
      if (enrollment.deleted) return;
      await store.put('enrollments', { ...enrollment, deleted: true, updatedAt: at });
      },
    },

  'self-report-link.create': {
    async apply({ store, actor, at }, args) {
      const alumnus = await store.get('alumni', args.alumnusId);
      if (alumnus === undefined || alumnus.deleted) throw new LocalRefusal('not-found', 'alumnusId');
      // The token stays on this device only: the record the server sends back has none.
      await keepSelfReportToken(store.db, args.id, args.token);
      if ((await store.get('selfReportLinks', args.id)) !== undefined) return;
      await store.put('selfReportLinks', {
        id: args.id,
        createdAt: at,
        updatedAt: at,
        alumnusId: args.alumnusId,
        createdBy: actor.id,
        // The server counts from when it learns of the link; until then this is the device's guess.
        expiresAt: selfReportExpiry(at),
        status: 'open',
        answeredAt: null,
        followUpId: null,
        withdrawnAt: null,
        withdrawnBy: null,
      });
    },
  },

  'self-report-link.withdraw': {
    async apply({ store, actor, at }, args) {
      const link = await store.get('selfReportLinks', args.id);
      if (link === undefined) throw new LocalRefusal('not-found', 'id');
      if (link.status === 'withdrawn' && link.withdrawnBy === actor.id) return;
      if (link.status !== 'open') throw new LocalRefusal('conflict', 'id');
      await store.put('selfReportLinks', { ...link, status: 'withdrawn', withdrawnAt: at, withdrawnBy: actor.id, updatedAt: at });
    },
  },
};

/**
 * The records a change touches, read from its arguments alone (no lookups): a rebase
 * keeps their bases while the change is pending, even when re-applying it is a no-op.
 * Defensive about `args`: it comes from an IndexedDB row.
 */
export function touchedKeys(name: string, args: unknown): string[] {
  const id = idOf(args);
  if (id === null) return [];
  switch (name) {
    case 'follow-up.log':
    case 'follow-up.void':
      return [recordKey('followUps', id)];
    case 'alumnus.update-contact':
      return [recordKey('alumni', id)];
    case 'cohort.create':
    case 'cohort.update':
      return [recordKey('cohorts', id)];
    case 'enrollment.create': {
      const alumnusId = idOf((args as { alumnus?: unknown }).alumnus);
      return alumnusId === null ? [recordKey('enrollments', id)] : [recordKey('enrollments', id), recordKey('alumni', alumnusId)];
    }
    case 'enrollment.update':
    case 'enrollment.withdraw':
      return [recordKey('enrollments', id)];
    case 'self-report-link.create':
    case 'self-report-link.withdraw':
      return [recordKey('selfReportLinks', id)];
    default:
      return [];
  }
}

export function applyLocally(context: ApplyContext, name: MutationName, args: MutationArgs<MutationName>): Promise<void> {
  // The map is indexed by the same name the arguments were parsed for.
  return (LOCAL_APPLIERS[name] as Applier<MutationName>).apply(context, args);
}

function idOf(value: unknown): string | null {
  return typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string' ? value.id : null;
}

/** A patch without the fields it names as `undefined`: absent and undefined both mean "unchanged". */
function defined<R extends object>(patch: { [K in keyof R]?: R[K] | undefined }): Partial<R> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<R>;
}

/** True when `patch` sets some field to a value `record` does not hold. */
function changes<R extends object>(record: R, patch: Partial<R>): boolean {
  return (Object.keys(patch) as (keyof R)[]).some((field) => patch[field] !== record[field]);
}

/**
 * The editor saw `base`; a field changed since by someone else refuses the whole change
 * with `conflict`. A field that already holds the new value is this change applied
 * before (a rebase), not a conflict.
 */
function compareAndSet<R extends object>(record: R, patch: Partial<R>, base: Partial<R>): void {
  for (const field of Object.keys(patch) as (keyof R)[]) {
    if (record[field] === patch[field] || !(field in base)) continue;
    if (record[field] !== base[field]) throw new LocalRefusal('conflict', `patch.${String(field)}`);
  }
}
