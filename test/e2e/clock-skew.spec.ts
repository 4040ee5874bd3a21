import { expect, test } from '@playwright/test';
import { AlumnusPage, alumniOnServer, alumnusOnServer } from './pages/alumnus.page';
import { DEMO_USERS, LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';

const THREE_HOURS = 3 * 60 * 60 * 1000;

test.describe('contact edits from a phone whose clock is wrong', () => {
  test('a device 3 hours slow edits a contact after pulling another device’s edit, and its edit wins', async ({ page, browser }) => {
    // The office's browser, with a true clock, changes the number first.
    const office = new AlumnusPage(page);
    const officeShell = new ShellPage(page);
    await new LoginPage(page).signInAs(DEMO_USERS.otherOfficer.username);
    const [alumnus] = await alumniOnServer(page.request, 1, 20);
    if (alumnus === undefined) throw new Error('the demo data set has alumni');
    await office.open(alumnus);
    await officeShell.waitForSync();
    await office.editContact({ phone: '0812-7200-0001' });
    await officeShell.expectWaiting(0, { timeout: 30_000 });
    expect((await alumnusOnServer(page.request, alumnus.id)).phone).toBe('+6281272000001');

    // The field officer's phone runs 3 hours slow; it pulls that edit, then corrects it.
    const slowContext = await browser.newContext();
    try {
      await slowContext.addInitScript((shift) => {
        const RealDate = Date;
        class SlowDate extends RealDate {
          constructor(...args: unknown[]) {
            if (args.length === 0) super(RealDate.now() - shift);
            else super(...(args as [string]));
          }

          static override now(): number {
            return RealDate.now() - shift;
          }
        }
        globalThis.Date = SlowDate as DateConstructor;
      }, THREE_HOURS);
      const slow = await slowContext.newPage();
      const field = new AlumnusPage(slow);
      const fieldShell = new ShellPage(slow);
      await new LoginPage(slow).signInAs(DEMO_USERS.officer.username);
      expect(await slow.evaluate(() => Date.now())).toBeLessThan(Date.now() - THREE_HOURS + 60_000);
      await field.open(alumnus);
      await fieldShell.waitForSync();
      await expect(field.contactLink('+6281272000001')).toBeVisible();

      await field.editContact({ phone: '0812-7200-0002' });
      await fieldShell.expectWaiting(0, { timeout: 30_000 });

      expect((await alumnusOnServer(page.request, alumnus.id)).phone).toBe('+6281272000002');
      await slow.reload();
      await expect(field.contactLink('+6281272000002')).toBeVisible();
    } finally {
      await slowContext.close();
    }
  });
});
