import { expect, test } from '@playwright/test';
import { AlumnusPage } from './pages/alumnus.page';
import { DEMO_USERS, LoginPage } from './pages/login.page';
import { ReportsPage } from './pages/reports.page';
import { ShellPage } from './pages/shell.page';
import { WorklistPage } from './pages/worklist.page';

test('a self-report link made offline is answered on a phone with no session, and counts for the officer and the supervisor', async ({ page, context, browser, baseURL }) => {
  const shell = new ShellPage(page);
  const worklist = new WorklistPage(page);
  const alumnusPage = new AlumnusPage(page);
  const links = page.getByRole('region', { name: 'Tautan isi sendiri' });
  const kind = `Pangkas rambut ${Date.now().toString(36)}`;

  await new LoginPage(page).signInAs(DEMO_USERS.officer.username);
  await shell.waitForServiceWorker();
  await shell.waitForSync();
  await worklist.expectOverdueRows();
  const row = worklist.rows(worklist.group('Terlambat')).first();
  const alumnus = await worklist.alumnusOf(row);

  // Offline, from the worklist row: the link is made and queued on the device.
  await context.setOffline(true);
  await expect(shell.network('Luring')).toBeVisible();
  // The row's "more" menu holds SMS and the link, so that the name keeps its room on a phone.
  await row.locator('summary', { hasText: `SMS dan tautan untuk ${alumnus.name}` }).click();
  await row.getByRole('button', { name: `Buat tautan isi sendiri untuk ${alumnus.name}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/alumni/${alumnus.id}#tautan-isi-sendiri$`));
  await expect(alumnusPage.heading).toHaveText(alumnus.name);
  await expect(links.getByText('Menunggu sinkron: belum bisa dikirim')).toBeVisible();
  await expect(links.getByRole('link', { name: 'Kirim lewat WhatsApp' })).toHaveCount(0);
  await shell.expectWaiting(1);

  // Online, it syncs and can be sent: a wa.me link with the ready message and the answer link.
  await context.setOffline(false);
  await shell.expectWaiting(0, { timeout: 30_000 });
  const send = links.getByRole('link', { name: 'Kirim lewat WhatsApp' });
  await expect(send).toBeVisible({ timeout: 30_000 });
  const href = new URL((await send.getAttribute('href')) ?? '');
  expect(href.origin).toBe('https://wa.me');
  const message = href.searchParams.get('text') ?? '';
  expect(message).toMatch(/^Halo \S+, kami dari Dinas Ketenagakerjaan/);
  const answerUrl = /https?:\/\/\S+\/r\/[A-Za-z0-9_-]{22,}/.exec(message)?.[0] ?? '';
  expect(answerUrl.startsWith(`${baseURL ?? ''}/r/`)).toBe(true);

  // The alumnus: another browser, no session, a 360 px phone.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
  try {
    const answerPage = await phone.newPage();
    await answerPage.goto(answerUrl);
    const firstName = alumnus.name.trim().split(/\s+/)[0] ?? '';
    await expect(answerPage.getByRole('heading', { level: 1 })).toHaveText(`Halo, ${firstName}!`);
    await answerPage.getByLabel('Punya usaha sendiri').check();
    await answerPage.getByLabel('Jenis usaha (mis. pangkas rambut, warung)').fill(kind);
    await answerPage.getByRole('button', { name: 'Kirim jawaban' }).click();
    await expect(answerPage.getByRole('heading', { level: 1 })).toHaveText('Terima kasih!');
    // The page fits the phone: nothing wider than the screen.
    expect(await answerPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  } finally {
    await phone.close();
  }

  // The officer's device, after its next sync, shows the answer.
  await page.reload();
  await expect(alumnusPage.heading).toHaveText(alumnus.name);
  await expect(links.getByText(/^Dijawab /)).toBeVisible({ timeout: 30_000 });
  await expect(alumnusPage.timelineEntry(kind)).toContainText('Diisi sendiri lewat tautan');
  await expect(alumnusPage.timelineEntry(kind)).toContainText('Berwirausaha');

  // The supervisor's report counts it.
  const supervisorContext = await browser.newContext();
  try {
    const supervisorPage = await supervisorContext.newPage();
    await new LoginPage(supervisorPage).signInAs(DEMO_USERS.supervisor.username);
    const reports = new ReportsPage(supervisorPage);
    await supervisorPage.goto('/reports');
    await expect(reports.heading).toBeVisible();
    await expect(reports.figure('Tautan isi sendiri dijawab')).toHaveText('1', { timeout: 60_000 });
    // Other tests on the same server may have made links too; this one is answered.
    await expect(reports.figure('Tautan isi sendiri terkirim')).toHaveText(/^[1-9]\d*$/);
    await expect(reports.figure('Status diisi sendiri')).toHaveText('1');
  } finally {
    await supervisorContext.close();
  }
});
