import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { AlumnusPage, alumniOnServer, alumnusOnServer } from './pages/alumnus.page';
import { DEMO_PASSWORD, DEMO_USERS, LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';

const officer = DEMO_USERS.officer;

/** A signed-in API client beside the browsers (supervisors read the audit log). */
async function apiAs(browser: Browser, baseURL: string, username: string): Promise<APIRequestContext> {
  const context = await browser.newContext({ baseURL });
  const login = await context.request.post('/api/auth/login', { headers: { Origin: baseURL }, data: { username, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  return context.request;
}

test.describe('sync in the browser', () => {
  test('changes made offline survive a reload, reach the server and another officer’s device', async ({ page, context, browser }) => {
    const shell = new ShellPage(page);
    const alumnusPage = new AlumnusPage(page);
    await new LoginPage(page).signInAs(officer.username);
    await shell.waitForServiceWorker();
    const [first, second] = await alumniOnServer(page.request, 2);
    if (first === undefined || second === undefined) throw new Error('the demo data set has alumni');

    await alumnusPage.open(first);
    await shell.waitForSync();

    await context.setOffline(true);
    await alumnusPage.editContact({ phone: '0812-7000-1001' });
    await alumnusPage.editContact({ address: 'Jl. Kapten Pierre Tendean No. 12, RT 04' });
    await page.goto(`/alumni/${second.id}`);
    await expect(alumnusPage.heading).toHaveText(second.name);
    await alumnusPage.editContact({ whatsapp: '+62 813 7000 2002' });
    await shell.expectWaiting(3);

    // The shell comes from the service worker, the data and the queue from IndexedDB.
    await page.reload();
    await expect(alumnusPage.whatsAppNumber('+6281370002002')).toBeVisible();
    await shell.expectWaiting(3);
    await page.goto(`/alumni/${first.id}`);
    await expect(alumnusPage.contactLink('+6281270001001')).toBeVisible();
    await expect(alumnusPage.contact).toContainText('Jl. Kapten Pierre Tendean No. 12, RT 04');
    expect((await alumnusOnServer(page.request, first.id)).phone).toBe(first.phone);

    await context.setOffline(false);
    await shell.expectWaiting(0, { timeout: 30_000 });
    expect(await alumnusOnServer(page.request, first.id)).toMatchObject({ phone: '+6281270001001', address: 'Jl. Kapten Pierre Tendean No. 12, RT 04' });
    expect(await alumnusOnServer(page.request, second.id)).toMatchObject({ whatsapp: '+6281370002002' });

    // Another officer's fresh browser profile: its first sync brings the new values.
    const otherContext = await browser.newContext();
    try {
      const other = await otherContext.newPage();
      await new LoginPage(other).signInAs(DEMO_USERS.otherOfficer.username);
      const otherAlumnus = new AlumnusPage(other);
      await otherAlumnus.open(first);
      await expect(otherAlumnus.contactLink('+6281270001001')).toBeVisible();
      await expect(otherAlumnus.contact).toContainText('Jl. Kapten Pierre Tendean No. 12, RT 04');
      await otherAlumnus.open(second);
      await expect(otherAlumnus.whatsAppNumber('+6281370002002')).toBeVisible();
    } finally {
      await otherContext.close();
    }
  });

  test('two tabs of one profile coming online together send each change once', async ({ page, context, browser, baseURL }) => {
    const shell = new ShellPage(page);
    const alumnusPage = new AlumnusPage(page);
    await new LoginPage(page).signInAs(officer.username);
    await shell.waitForServiceWorker();
    const [alumnus] = await alumniOnServer(page.request, 1, 10);
    if (alumnus === undefined) throw new Error('the demo data set has alumni');
    await alumnusPage.open(alumnus);
    await shell.waitForSync();

    await context.setOffline(true);
    // The same field twice: a first change applied again after the second would come
    // back as a superseded write in the audit log, so a double send cannot hide.
    // Values of this run's own: a retry on the shared demo server finds the last run's.
    const run = String(Date.now() % 100_000).padStart(5, '0');
    const [phone1, phone2, address] = [`081271${run}1`, `081271${run}2`, `Gang Damai No. ${run}`];
    await alumnusPage.editContact({ phone: phone1 });
    await alumnusPage.editContact({ phone: phone2 });
    await alumnusPage.editContact({ address });
    await shell.expectWaiting(3);

    const secondTab = await context.newPage();
    const secondShell = new ShellPage(secondTab);
    await new AlumnusPage(secondTab).open(alumnus);
    await secondShell.expectWaiting(3);

    // Both tabs hear `online` and start a sync at once; one lock lets one through.
    await context.setOffline(false);
    await shell.expectWaiting(0, { timeout: 30_000 });
    await secondShell.expectWaiting(0, { timeout: 30_000 });

    const supervisor = await apiAs(browser, String(baseURL), DEMO_USERS.supervisor.username);
    const audit = await supervisor.get(`/api/audit?entity=alumni&entityId=${alumnus.id}`);
    expect(audit.status()).toBe(200);
    const { entries } = (await audit.json()) as { entries: { mutation: string; clientId: string | null; after: { phone?: string; address?: string } }[] };
    // Newest first: one entry per change, in the order they were made, from one device.
    const contactEntries = entries.filter((entry) => entry.mutation.startsWith('alumnus.contact')).slice(0, 3);
    const stored = (typed: string) => `+62${typed.slice(1)}`;
    expect(contactEntries.map(({ mutation, after }) => [mutation, after.phone, after.address])).toEqual([
      ['alumnus.contact', stored(phone2), address],
      ['alumnus.contact', stored(phone2), alumnus.address],
      ['alumnus.contact', stored(phone1), alumnus.address],
    ]);
    expect(new Set(contactEntries.map((entry) => entry.clientId)).size).toBe(1);
  });
});
