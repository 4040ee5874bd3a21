import fc from 'fast-check';
import { expect, it } from 'vitest';
import { insertFollowUp, insertFollowUps } from '../../../src/server/db/follow-ups.repository';
import { toRow } from '../../../src/server/db/rows';
import { statusTimeline } from '../../../src/shared/domain/status-timeline';
import type { AlumnusStatus } from '../../../src/shared/schema';
import { aFollowUp, anAlumnus } from '../../fixtures/builders';
import { describeEachDialect, useTestDatabase } from '../databases';
import { signedInUser } from '../sign-in';

/*
 * A pushed run of follow-ups writes its people's status steps going on from the stored
 * ones where every new contact is later than the person's stored contacts, and from all
 * their contacts otherwise; either way the steps must be those of all their contacts.
 */

const INSTANTS = ['2024-06-30T15:59:59.000Z', '2024-06-30T16:00:00.000Z', '2024-07-15T02:00:00.000Z', '2024-08-31T17:00:00.000Z', '2024-09-02T01:00:00.000Z'];
const contactArb = fc.record({
  person: fc.nat(2),
  contactedAt: fc.constantFrom(...INSTANTS),
  reached: fc.boolean(),
  status: fc.constantFrom<AlumnusStatus>('employed', 'business', 'seeking'),
  selfReport: fc.boolean(),
});

type Contact = typeof contactArb extends fc.Arbitrary<infer T> ? T : never;

describeEachDialect('status steps written with a pushed run of follow-ups', (kind) => {
  const database = useTestDatabase(kind, { migrate: true });

  it('are the steps of all the person\'s contacts, whether the run comes after the stored ones or not (property)', async () => {
    const { db } = database.current;
    const officer = await signedInUser(db, 'officer');
    const people = [anAlumnus(), anAlumnus(), anAlumnus()];
    for (const person of people) await db.insertInto('alumni').values(toRow(person)).execute();
    await fc.assert(
      fc.asyncProperty(fc.array(contactArb, { maxLength: 6 }), fc.array(contactArb, { minLength: 1, maxLength: 6 }), async (stored, run) => {
        await db.deleteFrom('statusSteps').execute();
        await db.deleteFrom('followUps').execute();
        const followUp = (c: Contact) =>
          aFollowUp({
            // Random ids and one creation time: contacts at one instant are then ordered by id, either way round.
            id: crypto.randomUUID(), alumnusId: people[c.person]!.id, officerId: officer.id, contactedAt: c.contactedAt, createdAt: '2024-06-01T00:00:00.000Z', reached: c.reached,
            status: c.reached ? c.status : null, channel: c.selfReport ? 'self-report' : 'phone',
          });
        await db.transaction().execute(async (trx) => {
          for (const c of stored) await insertFollowUp(trx, followUp(c));
        });
        await db.transaction().execute((trx) => insertFollowUps(trx, run.map(followUp)));

        const contacts = await db.selectFrom('followUps').select(['alumnusId', 'id', 'contactedAt', 'createdAt', 'reached', 'status', 'voidedAt', 'channel']).execute();
        for (const person of people) {
          const theirs = contacts.filter((c) => c.alumnusId === person.id).map((c) => ({ ...c, reached: Number(c.reached) !== 0 }));
          const steps = await db.selectFrom('statusSteps').select(['onDay', 'status', 'selfReported']).where('alumnusId', '=', person.id).orderBy('onDay').execute();
          const expected = statusTimeline(theirs).map((step) => ({ onDay: step.day, status: step.status, selfReported: step.selfReported ? 1 : 0 }));
          expect(steps.map((step) => ({ ...step, selfReported: Number(step.selfReported) }))).toEqual(expected);
        }
      }),
      { numRuns: 60, seed: 31 },
    );
  }, 120_000);
});
