import { expect, test, type Page } from '@playwright/test';
import { DEMO_USERS, LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';

/** Collects every CSP violation the page reports, as an event and on the console. */
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

test('the built app and the answer page run under the strict CSP with no violation', async ({ page }) => {
  test.setTimeout(120_000);
  const violations = await watchViolations(page);
  const login = await page.goto('/login');
  expect(login?.headers()['content-security-policy']).toContain("script-src 'self'");

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

  // An answer link, made through the API, opened as the alumnus would.
  const made = await page.request.post(`/api/alumni/${alumnusId}/self-report-links`, { headers: { Origin: new URL(page.url()).origin } });
  expect(made.status()).toBe(201);
  const { url } = (await made.json()) as { url: string };
  const answerPage = await page.goto(new URL(url).pathname);
  expect(answerPage?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  expect(violations).toEqual([]);
});
