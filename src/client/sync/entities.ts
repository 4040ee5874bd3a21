import type { Table } from 'dexie';
import type { Alumnus, Cohort, Enrollment, FollowUp, Provider, SelfReportLink, UserName, Vocation } from '../../shared/schema';
import type { AreaPlace } from '../../shared/schema/area-place.schema';
import type { SyncedEntity } from '../../shared/sync/protocol';
import type { JejakDb } from '../storage/db';

/** The record each synced entity table holds; the table has the entity's name. */
export type EntityRecords = {
  providers: Provider;
  vocations: Vocation;
  cohorts: Cohort;
  alumni: Alumnus;
  enrollments: Enrollment;
  followUps: FollowUp;
  users: UserName;
  selfReportLinks: SelfReportLink;
  areaPlaces: AreaPlace;
};

export type EntityRecord = EntityRecords[SyncedEntity];

export function entityTable<E extends SyncedEntity>(db: JejakDb, entity: E): Table<EntityRecords[E], string> {
  return db[entity] as unknown as Table<EntityRecords[E], string>;
}

/** `alumni/<id>`: one record, whatever its table. */
export function recordKey(entity: SyncedEntity, id: string): string {
  return `${entity}/${id}`;
}
