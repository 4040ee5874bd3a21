import type { Migration } from 'kysely';
import * as createEntities from './2026_11_28_1000_create_entities';
import * as createAuthTables from './2026_11_28_1010_create_auth_tables';
import * as createSyncTables from './2026_11_28_1020_create_sync_tables';
import * as changeFeed from './2026_12_01_0900_change_feed';
import * as cohortSeats from './2026_12_02_0900_cohort_seats';
import * as cohortManagers from './2026_12_02_0910_cohort_managers';
import * as mutationFailures from './2026_12_05_1000_mutation_failures';
import * as selfReportLinks from './2026_12_05_1600_self_report_links';
import * as usersResentAsNames from './2026_12_05_1750_users_resent_as_names';
import * as alumniBirthPlaceEmailRegion from './2026_12_06_1200_alumni_birth_place_email_region';
import * as areaPlaces from './2026_12_06_1300_area_places';
import * as statusSteps from './2026_12_06_1400_status_steps';
import * as reportPeople from './2026_12_06_2000_report_people';

/**
 * Every migration, by name. Listed by hand rather than read from the directory
 * (FileMigrationProvider) so it works the same under tsx, vitest and any bundler.
 * Names sort by their timestamp; add new ones at the end.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_28_1000_create_entities': createEntities,
  '2026_11_28_1010_create_auth_tables': createAuthTables,
  '2026_11_28_1020_create_sync_tables': createSyncTables,
  '2026_12_01_0900_change_feed': changeFeed,
  '2026_12_02_0900_cohort_seats': cohortSeats,
  '2026_12_02_0910_cohort_managers': cohortManagers,
  '2026_12_05_1000_mutation_failures': mutationFailures,
  '2026_12_05_1600_self_report_links': selfReportLinks,
  '2026_12_05_1750_users_resent_as_names': usersResentAsNames,
  '2026_12_06_1200_alumni_birth_place_email_region': alumniBirthPlaceEmailRegion,
  '2026_12_06_1300_area_places': areaPlaces,
  '2026_12_06_1400_status_steps': statusSteps,
  '2026_12_06_2000_report_people': reportPeople,
};
