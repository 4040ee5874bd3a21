import { expect, test, type Page } from '@playwright/test';
import type { CohortListResponse } from '../../src/shared/api/cohorts.api';
import { ImportPage, writeParticipantWorkbook, type ParticipantRow } from './pages/import.page';
import { DEMO_USERS, LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';

/**
 * The built app runs under the server's strict Content-Security-Policy with no violation:
 * every `securitypolicyviolation` event (from the page and, through the console, from its
 * workers) is collected while the screens are walked.
 */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** `count` valid participants with NIKs no demo alumnus has (province 91, a district unique to this run). */
function participants(count: number): ParticipantRow[] {
  const district = String(10 + Math.floor(Math.random() * 90));
  return Array.from({ length: count }, (_, index) => {
    const serial = String(index + 1).padStart(4, '0');
    return {
      nik: `9172${district}170801${serial}`,
      name: `Peserta CSP ${serial}`,
      gender: 'L',
      birthDate: new Date(Date.UTC(2001, 7, 17)),
      phone: `0812${String(7_000_000 + index).padStart(8, '0')}`,
      education: 'SMK',
    };
  });
}

test('the built app and the answer page run under the strict CSP with no violation', async ({ page }) => {
  test.setTimeout(150_000);
  const violations = await watchViolations(page);
  const login = await page.goto('/login');
  expect(login?.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(login?.headers()['x-content-type-options']).toBe('nosniff');

  await new LoginPage(page).signInAs(DEMO_USERS.officer.username);
  const shell = new ShellPage(page);
  await expect(shell.heading).toHaveText('Daftar tindak lanjut');
  await shell.waitForSync();
  await shell.waitForServiceWorker();

  // The screens an officer moves through: search, a person, the follow-up form.
  await page.goto('/alumni');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const listed = (await (await page.request.get('/api/alumni?limit=1')).json()) as { alumni: { id: string }[] };
  const alumnusId = listed.alumni[0]!.id;
  await page.goto(`/alumni/${alumnusId}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Identitas' })).toBeVisible();
  await page.goto(`/alumni/${alumnusId}/follow-up`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto('/reports');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // An answer link, made through the API, opened as the alumnus would.
  const made = await page.request.post(`/api/alumni/${alumnusId}/self-report-links`, { headers: { Origin: new URL(page.url()).origin } });
  expect(made.status()).toBe(201);
  const { url } = (await made.json()) as { url: string };
  const answerPage = await page.goto(new URL(url).pathname);
  expect(answerPage?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  expect(violations).toEqual([]);
});

test('a 2,000-row XLSX is read offline through the import worker under the CSP, with no violation', async ({ page, context }) => {
  test.setTimeout(150_000);
  const violations = await watchViolations(page);
  const shell = new ShellPage(page);
  await new LoginPage(page).signInAs(DEMO_USERS.providerStaff.username);
  await shell.waitForServiceWorker();
  await shell.waitForSync();
  const listed = (await (await page.request.get('/api/cohorts?limit=1')).json()) as CohortListResponse;
  const cohort = listed.cohorts[0];
  if (cohort === undefined) throw new Error('the demo data set gives the provider clerk cohorts');
  const workbook = await writeParticipantWorkbook(participants(2000));

  // Offline: the app, the worker's script and the parsers come from the service worker's cache.
  await context.setOffline(true);
  await expect(shell.network('Luring')).toBeVisible();
  const importPage = new ImportPage(page);
  await importPage.open(cohort.id);
  await importPage.chooseFile(workbook);
  await expect(importPage.previewStatus).toHaveText(/^Semua 2.?000 baris siap diimpor\.$/, { timeout: 60_000 });
  await context.setOffline(false);

  expect(violations).toEqual([]);
});
