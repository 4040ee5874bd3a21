import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4180);
// Each run gets its own SQLite file, so a run never sees another's rows (the sign-in
// limits count failed attempts in the database). The runner loads this file again in
// each worker; the environment it hands them keeps them from making empty directories.
process.env.JEJAK_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'jejak-e2e-'));
const dataDir = process.env.JEJAK_E2E_DATA_DIR;

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  // Generous: a first sync downloads the whole demo (about 6,000 records) on a busy machine.
  timeout: 150_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    ...devices['Pixel 5'],
    viewport: { width: 360, height: 740 },
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium; never `npx playwright install` (it downloads, and fails here).
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // The production build (the service worker exists only there) through `npm run demo`'s
    // own path: build when stale, load the demo data set and its accounts, serve.
    command: 'node bin/jejak.js demo',
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: { PORT: String(port), DATABASE_URL: `sqlite:${join(dataDir, 'e2e.db')}` },
  },
});
