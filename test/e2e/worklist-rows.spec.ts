import { expect, test } from '@playwright/test';
import { DEMO_USERS, LoginPage } from './pages/login.page';
import { WorklistPage } from './pages/worklist.page';

/**
 * The worklist is scanned with a thumb: one row of 72-88 px per person, at least six
 * people whole on a 360×740 phone, and rows of the same height on a laptop and desktop.
 */
const SIZES = [
  { width: 360, height: 740, atLeast: 6 },
  { width: 1280, height: 800, atLeast: 6 },
  { width: 1440, height: 900, atLeast: 6 },
] as const;

test('the worklist shows one compact row per person, six or more on a 360×740 phone', async ({ page }) => {
  const worklist = new WorklistPage(page);
  await new LoginPage(page).signInAs(DEMO_USERS.officer.username);
  await worklist.expectOverdueRows();
  // The notice that headless Chromium refuses persistent storage is shown once; it is
  // dismissed here as an officer does on the first day.
  const understood = page.getByRole('button', { name: 'Mengerti' });
  if (await understood.isVisible()) await understood.click();
  const rows = worklist.rows(worklist.group('Terlambat'));
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.evaluate(() => window.scrollTo(0, 0));
    const boxes = await rows.evaluateAll((items) => items.slice(0, 20).map((item) => item.getBoundingClientRect().toJSON() as DOMRect));
    for (const box of boxes) {
      expect(box.height, `row height at ${size.width} px`).toBeGreaterThanOrEqual(72);
      expect(box.height, `row height at ${size.width} px`).toBeLessThanOrEqual(88);
    }
    // Whole rows between the header and the bottom tab bar (phones) or the window's edge:
    // on the first screen (the heading, summary and filters above), and once scrolled to the list.
    const navTop = await page.getByRole('navigation').evaluate((nav) => (getComputedStyle(nav).position === 'fixed' ? nav.getBoundingClientRect().top : Infinity));
    const headerBottom = await page.getByRole('banner').evaluate((header) => header.getBoundingClientRect().bottom);
    const wholeIn = (list: DOMRect[]) => list.filter((box) => box.top >= headerBottom && box.bottom <= Math.min(size.height, navTop)).length;
    const firstScreen = wholeIn(boxes);
    await rows.first().evaluate((item, top) => window.scrollBy(0, item.getBoundingClientRect().top - top), headerBottom);
    const scrolled = wholeIn(await rows.evaluateAll((items) => items.slice(0, 20).map((item) => item.getBoundingClientRect().toJSON() as DOMRect)));
    console.log(`worklist at ${size.width}×${size.height}: ${firstScreen} people whole on the first screen, ${scrolled} per screen in the list`);
    expect(firstScreen, 'people whole on the first screen').toBeGreaterThanOrEqual(size.atLeast);
    expect(scrolled).toBeGreaterThanOrEqual(size.atLeast);
    await page.evaluate(() => window.scrollTo(0, 0));
    // Each row: the name opens the person, and calling or logging is one tap.
    const first = rows.first();
    await expect(first.getByRole('link', { name: /^Catat kontak / })).toBeInViewport({ ratio: 1 });
  }
});

test('on a 360 px phone each name has a line of its own, whole, and a tap anywhere beside the taps opens the person', async ({ page }) => {
  const worklist = new WorklistPage(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await new LoginPage(page).signInAs(DEMO_USERS.officer.username);
  await worklist.expectOverdueRows();
  const names = worklist.rows(worklist.group('Terlambat')).locator('a.worklist-row__name');
  const cut = await names.evaluateAll((links) => links.slice(0, 20).filter((link) => link.scrollWidth > link.clientWidth).map((link) => link.textContent));
  expect(cut, 'names cut with an ellipsis').toEqual([]);
  const first = worklist.rows(worklist.group('Terlambat')).first();
  const href = await first.locator('a.worklist-row__name').getAttribute('href');
  // Below the name, on the course line: not the name's own text.
  const box = (await first.locator('p.worklist-row__meta').first().boundingBox())!;
  await page.mouse.click(box.x + 10, box.y + box.height / 2);
  await expect(page).toHaveURL(new RegExp(`${href}$`));
});

test('the worklist groups its people by kecamatan, with a count per heading', async ({ page }) => {
  const worklist = new WorklistPage(page);
  await new LoginPage(page).signInAs(DEMO_USERS.officer.username);
  await worklist.expectOverdueRows();
  await page.getByRole('button', { name: 'Saring' }).click();
  await page.getByLabel('Kelompokkan per kecamatan').check();
  const overdue = worklist.group('Terlambat');
  const headings = overdue.getByRole('heading', { level: 3 }).filter({ hasText: /^Bontang / });
  await expect(headings.first()).toBeVisible();
  const texts = await headings.allTextContents();
  console.log(`worklist grouped: ${texts.join(' | ')}`);
  for (const text of texts) expect(text).toMatch(/^Bontang (Barat|Selatan|Utara) \d[\d.]* alumni$/);
  // By name, each person under their own kecamatan's heading.
  const names = texts.map((text) => text.replace(/ \d.*$/, ''));
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'id')));
  // Kept when the officer comes back from a person's page.
  await page.reload();
  await expect(overdue.getByRole('heading', { level: 3 }).first()).toBeVisible({ timeout: 90_000 });
});

test('a row’s WhatsApp and SMS open with a ready Indonesian message; the ⋯ menu stays on a 360 px screen', async ({ page }) => {
  const worklist = new WorklistPage(page);
  await new LoginPage(page).signInAs(DEMO_USERS.officer.username);
  await worklist.expectOverdueRows();
  const row = worklist.rows(worklist.group('Terlambat')).filter({ has: page.getByRole('link', { name: /^WhatsApp / }) }).first();
  const { name } = await worklist.alumnusOf(row);
  const greeting = /^Selamat (pagi|siang|sore|malam), (Bapak|Ibu|Bapak\/Ibu) .+, kami dari Disnaker /;

  const chat = new URL((await row.getByRole('link', { name: `WhatsApp ${name}`, exact: true }).getAttribute('href')) ?? '');
  expect(chat.origin).toBe('https://wa.me');
  expect(chat.searchParams.get('text')).toMatch(greeting);

  await row.locator('summary', { hasText: `SMS dan tautan untuk ${name}` }).click();
  const sms = row.getByRole('link', { name: `SMS ${name}`, exact: true });
  await expect(sms).toBeInViewport({ ratio: 1 });
  const smsHref = (await sms.getAttribute('href')) ?? '';
  expect(smsHref).toMatch(/^sms:\+62\d+\?body=/);
  expect(new URLSearchParams(smsHref.split('?')[1]).get('body')).toMatch(greeting);
  await expect(row.getByRole('button', { name: `Buat tautan isi sendiri untuk ${name}`, exact: true })).toBeInViewport({ ratio: 1 });
});
