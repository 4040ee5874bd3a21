import { expect, test, type APIRequestContext, type Locator } from '@playwright/test';
import { statusAsOf } from '../../src/shared/domain/status-as-of';
import type { FollowUp } from '../../src/shared/schema';
import { AlumnusPage } from './pages/alumnus.page';
import { FollowUpPage } from './pages/follow-up.page';
import { DEMO_USERS, LoginPage } from './pages/login.page';
import { WorklistPage } from './pages/worklist.page';

/** The worklist's words for each status (src/client/features/worklist/worklist-words.ts). */
const STATUS_WORDS = {
  employed: 'Bekerja',
  business: 'Berwirausaha',
  seeking: 'Mencari kerja',
  unreachable: 'Tidak terhubung',
  'never-contacted': 'Belum pernah dihubungi',
} as const;

/** Pull pages answered at once; the ones after wait until the test lets them through. */
const PAGES_BEFORE_THE_HOLD = 2;

// The pull's requests must reach `page.route`, not a service worker's fetch.
test.use({ serviceWorkers: 'block' });

test('the first sign-in lists people, each right, while the pull is still loading, then the whole list', async ({ page }) => {
  let pulls = 0;
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  // A slow network: the later pages of the first pull arrive only when released.
  await page.route('**/api/sync/pull', async (route) => {
    pulls += 1;
    if (pulls > PAGES_BEFORE_THE_HOLD) await held;
    await route.continue();
  });
  const worklist = new WorklistPage(page);
  await new LoginPage(page).signInAs(DEMO_USERS.officer.username);

  const notice = page.getByRole('main').getByRole('status').filter({ hasText: /^Memuat data: [\d.]+ dari [\d.]+ orang\./ });
  await expect(notice).toBeVisible({ timeout: 60_000 });
  const rows = page.getByRole('main').getByRole('listitem');
  await expect(rows.first()).toBeVisible();
  const [loaded, total] = ((await notice.textContent()) ?? '').match(/[\d.]+/g)?.map((n) => Number(n.replace(/\./g, ''))) ?? [];
  expect(loaded).toBeGreaterThan(0);
  expect(loaded).toBeLessThan(total ?? 0);
  expect(pulls).toBeGreaterThan(PAGES_BEFORE_THE_HOLD);

  // Each person listed shows the status their contacts give, as the server holds them.
  let contacted: { name: string; id: string } | undefined;
  const shown = Math.min(await rows.count(), 12);
  for (let n = 0; n < shown; n += 1) {
    const person = await worklist.alumnusOf(rows.nth(n));
    const followUps = await followUpsOnServer(page.request, person.id);
    const expected = statusAsOf(followUps, '9999-12-31');
    // Their own row, wherever people stored meanwhile have moved it.
    const row = rows.filter({ has: page.locator(`a[href="/alumni/${person.id}"]`) });
    await expect(statusOf(row), person.name).toHaveText(new RegExp(`^${STATUS_WORDS[expected]}`));
    if (followUps.length > 0) contacted ??= person;
  }
  if (contacted === undefined) throw new Error(`none of the first ${shown} people listed has a contact: nothing shows a contact's state`);
  await expect(notice).toBeVisible();

  // A listed person is usable while the rest loads: open them and log a contact.
  await page.getByRole('link', { name: contacted.name, exact: true }).first().click();
  const alumnus = new AlumnusPage(page);
  await expect(alumnus.heading).toHaveText(contacted.name);
  await alumnus.logContact();
  await new FollowUpPage(page).logEmployed(contacted.name, { channel: 'Telepon', employer: 'Bengkel Saat Memuat', jobTitle: 'Montir' });
  await expect(alumnus.timelineEntry('Bengkel Saat Memuat')).toBeVisible();
  await page.goBack();
  await page.goBack();
  await expect(notice).toBeVisible();

  release();
  await expect(worklist.summary).toHaveText(/^\d[\d.]* alumni perlu ditindaklanjuti\.$/, { timeout: 90_000 });
  await expect(notice).toHaveCount(0);
  const whole = Number(((await worklist.summary.textContent()) ?? '').replace(/\D/g, ''));
  expect(whole).toBeGreaterThan(shown);
  // The contact logged while loading went to the server with the next sync.
  await expect.poll(async () => (await followUpsOnServer(page.request, contacted.id)).some((f) => f.employer === 'Bengkel Saat Memuat'), { timeout: 30_000 }).toBe(true);
});

function statusOf(row: Locator): Locator {
  return row.locator('.worklist-row__status');
}

async function followUpsOnServer(request: APIRequestContext, alumnusId: string): Promise<FollowUp[]> {
  const response = await request.get(`/api/follow-ups?alumnusId=${alumnusId}&limit=200`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { followUps: FollowUp[] }).followUps;
}
