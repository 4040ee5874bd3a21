import type { OutboxEntry } from '../../src/client/storage/db';

/** What the bench bundles put on the page's global object, for `page.evaluate`. */
export type Outcome = { ms: number; rows: number; requests: number };

export type BenchGlobals = {
  jejakBench: {
    baselinePull(dbName: string, pageSize: number): Promise<Outcome>;
    baselinePush(dbName: string, entries: OutboxEntry[], batchSize: number): Promise<Outcome>;
  };
  jejakBenchApp: {
    queueFollowUps(userId: string, providerId: string | null, count: number): Promise<number>;
    outboxRows(userId: string): Promise<OutboxEntry[]>;
    timeUntilOutboxEmpty(userId: string): Promise<number>;
  };
};
