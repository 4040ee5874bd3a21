import type { Kysely } from 'kysely';
import type { MutationArgs, MutationName } from '../../shared/sync/mutations';
import type { Actor } from '../changes/actor';
import { createCohort } from '../changes/create-cohort';
import { createEnrollment } from '../changes/create-enrollment';
import { createSelfReportLink } from '../changes/create-self-report-link';
import { logFollowUp } from '../changes/log-follow-up';
import { settleAlumnusContact, type SupersededFields } from '../changes/update-alumnus-contact';
import { updateCohort } from '../changes/update-cohort';
import { updateEnrollment } from '../changes/update-enrollment';
import { voidFollowUp } from '../changes/void-follow-up';
import { withdrawEnrollment } from '../changes/withdraw-enrollment';
import { withdrawSelfReportLink } from '../changes/withdraw-self-report-link';
import type { Database } from '../db/schema';

type Apply<N extends MutationName> = (trx: Kysely<Database>, actor: Actor, args: MutationArgs<N>, now: Date) => Promise<unknown>;

/**
 * Each mutation is the change the HTTP route makes, through the same function: the same
 * access checks, rules, audit entries and change-feed rows. Refusals are thrown as
 * DomainError (the push records them as rejected); anything else is transient.
 */
const APPLY: { [N in MutationName]: Apply<N> } = {
  'follow-up.log': (trx, actor, args, now) => logFollowUp(trx, actor, args, now),
  'follow-up.void': (trx, actor, args, now) => voidFollowUp(trx, actor, args, now),
  'alumnus.update-contact': async (trx, actor, args, now) => (await settleAlumnusContact(trx, actor, args, now)).superseded,
  'cohort.create': (trx, actor, args, now) => createCohort(trx, actor, args, now),
  'cohort.update': (trx, actor, args, now) => updateCohort(trx, actor, args, now),
  'enrollment.create': (trx, actor, args, now) => createEnrollment(trx, actor, args, now),
  'enrollment.update': (trx, actor, args, now) => updateEnrollment(trx, actor, args, now),
  'enrollment.withdraw': (trx, actor, args, now) => withdrawEnrollment(trx, actor, args, now),
  'self-report-link.create': (trx, actor, args, now) => createSelfReportLink(trx, actor, args, now),
  'self-report-link.withdraw': (trx, actor, args, now) => withdrawSelfReportLink(trx, actor, args, now),
};

/**
 * Applies one mutation. Answers the fields a last-writer-wins edit lost to a later one
 * (applied otherwise, but the device's user must hear of it), or null.
 */
export async function applyMutation<N extends MutationName>(trx: Kysely<Database>, actor: Actor, name: N, args: MutationArgs<N>, now: Date): Promise<SupersededFields | null> {
  const outcome = await (APPLY[name] as Apply<N>)(trx, actor, args, now);
  return name === 'alumnus.update-contact' ? (outcome as SupersededFields | null) : null;
}
