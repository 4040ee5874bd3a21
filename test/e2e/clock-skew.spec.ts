import { expect, test } from '@playwright/test';
import { AlumnusPage, alumniOnServer, alumnusOnServer } from './pages/alumnus.page';
import { DEMO_USERS, LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';

const THREE_HOURS = 3 * 60 * 60 * 1000;

// Numbers of their own: other tests edit the same first alumnus's phone.
const tail = String(Date.now() % 1_000_000).padStart(6, '0');
const local = (last: string) => `08127${tail}${last}`;
const stored = (last: string) => `+628127${tail}${last}`;

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
    await office.editContact({ phone: local('1') });
    await officeShell.expectWaiting(0, { timeout: 30_000 });
    expect((await alumnusOnServer(page.request, alumnus.id)).phone).toBe(stored('1'));

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
      await expect(field.contactLink(stored('1'))).toBeVisible();

      await field.editContact({ phone: local('2') });
      await fieldShell.expectWaiting(0, { timeout: 30_000 });

      expect((await alumnusOnServer(page.request, alumnus.id)).phone).toBe(stored('2'));
      await slow.reload();
      await expect(field.contactLink(stored('2'))).toBeVisible();
    } finally {
      await slowContext.close();
    }
  });
});
