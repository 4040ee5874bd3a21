import { expect, test, type Page } from '@playwright/test';
import { runAxe, type AxeCounts } from './pages/axe';
import { DEMO_USERS, LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';

/**
 * WCAG 2.1 AA on every screen of every role, at a phone's, a laptop's and a desktop's
 * width: axe-core runs on each screen once its data has arrived, the counts per screen
 * are printed, and any serious or critical violation fails the test (after the role's other
 * screens were checked too) naming the rule and the elements.
 */

const WIDTHS = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
] as const;

const results: AxeCounts[] = [];

async function check(page: Page, screen: string) {
  const counts = await runAxe(page, screen);
  results.push(counts);
  console.log(`axe ${screen}: critical ${counts.critical}, serious ${counts.serious}, moderate ${counts.moderate}, minor ${counts.minor}`);
  expect.soft(counts.details, `serious or critical WCAG violations on ${screen}`).toEqual([]);
}

/** Headless Chromium refuses persistent storage; the notice saying so is part of the page, checked like the rest. */
async function visit(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
}

/**
 * The first link in the main area whose address matches, e.g. the first cohort or alumnus
 * on a list. Other links (a reminder, "new cohort") can be there before the list's rows
 * arrive, so it waits for a matching one rather than for any link.
 */
async function firstLink(page: Page, pattern: RegExp): Promise<string> {
  const links = page.getByRole('main').locator('a[href]');
  let href: string | undefined;
  await expect.poll(async () => {
    const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
    href = hrefs.find((candidate) => pattern.test(candidate));
    return href;
  }, { message: `a link like ${pattern} on ${page.url()}`, timeout: 30_000 }).toBeDefined();
  return href as string;
}

async function searchFirstAlumnus(page: Page): Promise<string> {
  await visit(page, '/alumni');
  await page.getByRole('searchbox', { name: 'Cari alumni' }).fill('a');
  await expect(page.getByRole('main').locator('a[href^="/alumni/"]').first()).toBeVisible({ timeout: 30_000 });
  return firstLink(page, /^\/alumni\/[^/]+$/);
}

for (const size of WIDTHS) {
  test.describe(`at ${size.width} px`, () => {
    test.use({ viewport: size, isMobile: size.width < 600, hasTouch: size.width < 600 });
    // Each test signs in (the first sync brings the role's data) and visits several screens.
    test.setTimeout(240_000);

    test('the sign-in screen', async ({ page }) => {
      await new LoginPage(page).open();
      await check(page, `${size.width} login`);
    });

    test('an officer’s screens', async ({ page }) => {
      const shell = new ShellPage(page);
      await new LoginPage(page).signInAs(DEMO_USERS.officer.username);
      await expect(page.getByRole('main').locator('a[href^="/alumni/"]').first()).toBeVisible({ timeout: 120_000 });
      await check(page, `${size.width} officer worklist`);
      await shell.syncStatus.click();
      await expect(page.getByRole('region', { name: 'Sinkronisasi' })).toBeVisible();
      await check(page, `${size.width} officer sync panel open`);
      await page.keyboard.press('Escape');
      const alumnus = await firstLink(page, /^\/alumni\/[^/]+$/);
      await visit(page, alumnus);
      await check(page, `${size.width} officer alumnus page`);
      await visit(page, `${alumnus}/follow-up`);
      await check(page, `${size.width} officer follow-up form`);
      await searchFirstAlumnus(page);
      await check(page, `${size.width} officer alumni search`);
      await visit(page, '/account');
      await check(page, `${size.width} officer account`);
    });

    test('a provider clerk’s screens', async ({ page }) => {
      await new LoginPage(page).signInAs(DEMO_USERS.providerStaff.username);
      await visit(page, '/cohorts');
      const cohort = await firstLink(page, /^\/cohorts\/(?!new$)[^/]+$/);
      await check(page, `${size.width} provider cohorts list`);
      await visit(page, cohort);
      await expect(page.getByRole('heading', { level: 2, name: /^Peserta/ })).toBeVisible({ timeout: 60_000 });
      await check(page, `${size.width} provider cohort page`);
      await visit(page, '/cohorts/new');
      await check(page, `${size.width} provider cohort form`);
      await visit(page, `${cohort}/edit`);
      await check(page, `${size.width} provider cohort edit form`);
      await visit(page, '/import');
      await check(page, `${size.width} provider import`);
      const alumnus = await searchFirstAlumnus(page);
      await check(page, `${size.width} provider alumni search`);
      await visit(page, alumnus);
      await check(page, `${size.width} provider alumnus page`);
    });

    test('a supervisor’s screens', async ({ page }) => {
      await new LoginPage(page).signInAs(DEMO_USERS.supervisor.username);
      await expect(page.getByRole('table').first()).toBeVisible({ timeout: 30_000 });
      await check(page, `${size.width} supervisor reports`);
      await visit(page, '/cohorts');
      const cohort = await firstLink(page, /^\/cohorts\/(?!new$)[^/]+$/);
      await check(page, `${size.width} supervisor cohorts list`);
      await visit(page, cohort);
      await expect(page.getByRole('heading', { level: 2, name: /^Peserta/ })).toBeVisible({ timeout: 60_000 });
      await check(page, `${size.width} supervisor cohort page`);
      const alumnus = await searchFirstAlumnus(page);
      await check(page, `${size.width} supervisor alumni search`);
      await visit(page, alumnus);
      await check(page, `${size.width} supervisor alumnus page`);
    });

    test('an admin’s screens', async ({ page }) => {
      await new LoginPage(page).signInAs(DEMO_USERS.admin.username);
      await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible({ timeout: 30_000 });
      await check(page, `${size.width} admin`);
      await visit(page, '/cohorts/new');
      await check(page, `${size.width} admin cohort form`);
      await visit(page, '/account');
      await check(page, `${size.width} admin account`);
    });
  });
}

test.afterAll(() => {
  if (results.length === 0) return;
  console.log('\naxe-core WCAG 2.1 AA, violations per screen (critical/serious/moderate/minor):');
  for (const row of results) console.log(`  ${row.screen.padEnd(40)} ${row.critical}/${row.serious}/${row.moderate}/${row.minor}`);
});
