import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const require = createRequire(import.meta.url);
// Evaluated through the DevTools protocol rather than added as a <script>: the app's CSP
// (rightly) refuses inline script, and the page runs under it exactly as users get it.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** What axe found on one screen, by impact; `serious` and `critical` fail WCAG 2.1 AA for us. */
export type AxeCounts = { screen: string; critical: number; serious: number; moderate: number; minor: number; details: string[] };

type AxeResult = { violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] };

/**
 * Runs axe-core in the page against the WCAG 2.0/2.1 A and AA rules and counts the
 * violations by impact. The serious and critical ones are listed with the elements they
 * concern, so a failing test names what to fix.
 */
export async function runAxe(page: Page, screen: string): Promise<AxeCounts> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    () =>
      (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      }),
  );
  const counts: AxeCounts = { screen, critical: 0, serious: 0, moderate: 0, minor: 0, details: [] };
  for (const violation of result.violations) {
    const impact = violation.impact as 'critical' | 'serious' | 'moderate' | 'minor' | null;
    if (impact === null) continue;
    counts[impact] += violation.nodes.length;
    if (impact === 'critical' || impact === 'serious') {
      const targets = violation.nodes.slice(0, 5).map((node) => JSON.stringify(node.target)).join(' ');
      counts.details.push(`${impact} ${violation.id} ×${violation.nodes.length}: ${targets}`);
    }
  }
  return counts;
}
