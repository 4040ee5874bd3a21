import type { FundingSource } from '../../shared/schema/cohort.schema';

/**
 * Which cohorts a report or export covers; every field narrows, none means all.
 * Alumni and follow-ups follow the cohorts: a person belongs to the cohorts they enrolled in.
 */
export type CohortFilter = {
  provider?: string | undefined;
  fundingSource?: FundingSource | undefined;
  year?: number | undefined;
  cohort?: string | undefined;
};
