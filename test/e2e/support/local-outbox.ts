import { expect, type Page } from '@playwright/test';

type Write = { kind: 'put'; row: Record<string, unknown> } | { kind: 'clear' };

/**
 * Reaches into the signed-in user's own IndexedDB outbox (src/client/storage/db.ts:
 * database `jejak-u-<userId>`, table `outbox`, key `mid`). No screen queues a change yet,
 * so the tests that need one write the row themselves. Plain IndexedDB, not Dexie: the
 * page's bundle does not expose it, and opening without a version keeps the app's schema.
 */
export class LocalOutbox {
  constructor(
    readonly page: Page,
    readonly userId: string,
  ) {}

  /** The signed-in user, as the server knows them (`page.request` sends the page's cookies). */
  static async ofSignedInUser(page: Page): Promise<LocalOutbox> {
    const response = await page.request.get('/api/auth/me');
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { user: { id: string } };
    return new LocalOutbox(page, body.user.id);
  }

  get dbName() {
    return `jejak-u-${this.userId}`;
  }

  /** A change the app would have queued: the shape of `OutboxEntry`, waiting to be sent. */
  async addPendingChange(mid = 1) {
    await this.#write({
      kind: 'put',
      row: {
        mid,
        clientId: 'e2e-client',
        name: 'follow-up.log',
        version: 1,
        args: {},
        hlc: '0',
        createdAt: new Date().toISOString(),
        status: 'pending',
        rejection: null,
      },
    });
  }

  async clear() {
    await this.#write({ kind: 'clear' });
  }

  async #write(write: Write) {
    // The app creates the database when it first counts the outbox. Opening it here
    // before then would create an empty version 1 that Dexie would have to upgrade.
    await expect
      .poll(() => this.page.evaluate(async (name) => (await indexedDB.databases()).some((db) => db.name === name), this.dbName))
      .toBe(true);
    await this.page.evaluate(
      ({ name, write }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(new Error(`cannot open ${name}: ${String(open.error)}`));
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('outbox', 'readwrite');
            const outbox = tx.objectStore('outbox');
            if (write.kind === 'put') outbox.put(write.row);
            else outbox.clear();
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => {
              db.close();
              reject(new Error(`outbox write failed: ${String(tx.error)}`));
            };
          };
        }),
      { name: this.dbName, write },
    );
  }
}
