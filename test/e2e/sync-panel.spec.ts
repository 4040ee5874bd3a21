import { expect, test } from '@playwright/test';
import { DEMO_USERS, LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';

/**
 * The sync panel is the officer's only window on waiting and refused changes: it must be
 * whole on screen at every phone width (a sheet from the bottom) and on desktops (a
 * popover under its button).
 */
const WIDTHS = [
  { width: 360, height: 740, sheet: true },
  { width: 390, height: 844, sheet: true },
  { width: 412, height: 915, sheet: true },
  { width: 1280, height: 800, sheet: false },
  { width: 1440, height: 900, sheet: false },
] as const;

test('the sync panel lies inside the screen at phone, laptop and desktop widths', async ({ page }) => {
  const shell = new ShellPage(page);
  await new LoginPage(page).signInAs(DEMO_USERS.officer.username);
  const panel = page.getByRole('region', { name: 'Sinkronisasi' });
  for (const size of WIDTHS) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await shell.syncStatus.click();
    await expect(panel).toBeVisible();
    const syncNow = panel.getByRole('button', { name: 'Sinkronkan sekarang' });
    await expect(syncNow).toBeInViewport({ ratio: 1 });
    const box = await panel.boundingBox();
    if (box === null) throw new Error('the sync panel has no box');
    expect(box.x, `left edge at ${size.width} px`).toBeGreaterThanOrEqual(0);
    expect(box.y, `top edge at ${size.width} px`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `right edge at ${size.width} px`).toBeLessThanOrEqual(size.width);
    expect(box.y + box.height, `bottom edge at ${size.width} px`).toBeLessThanOrEqual(size.height);
    if (size.sheet) {
      // A sheet: the whole width, resting on the bottom edge.
      expect(box.width).toBeCloseTo(size.width, 0);
      expect(box.y + box.height).toBeCloseTo(size.height, 0);
    } else {
      // A popover: under the header, narrower than the screen.
      expect(box.width).toBeLessThan(size.width / 2);
      expect(box.y).toBeLessThan(100);
    }
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
  }
});
