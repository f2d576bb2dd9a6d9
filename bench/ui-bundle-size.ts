/**
 * Custom UI JavaScript per page, gzip, from the build-stats.json `npm run build` writes. Budgeted: what a page
 * downloads before it can render (entry chunk and its static imports). Reported beside it: that plus the app's
 * own lazy chunks (dialogs), which load after first paint.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { info, kib, runStandalone, within, type Figure } from './figure';

type BuildStats = { js: { initialGzipBytes: number; withLazyGzipBytes: number } };

/** KB here means KiB, as scripts/build-static.mjs counts. */
const BUDGETS = [
  { app: 'settings-page', label: 'settings page', budgetKib: 150 },
  { app: 'build-modal', label: 'build modal', budgetKib: 180 },
];

const STATIC_DIR = path.resolve(__dirname, '..', 'static');

/** `npm run build` empties dist/ before writing it again; a build running right now gets a few seconds. */
const RETRY_MS = 500;
const RETRIES = 20;

async function readStats(app: string): Promise<BuildStats> {
  const file = path.join(STATIC_DIR, app, 'dist', 'build-stats.json');
  for (let attempt = 0; ; attempt++) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as BuildStats;
    } catch {
      if (attempt >= RETRIES)
        throw new Error(`${path.relative(process.cwd(), file)} is missing or unreadable: run \`npm run build\` first.`);
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

export async function uiBundleFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const { app, label, budgetKib } of BUDGETS) {
    const { js } = await readStats(app);
    figures.push(
      {
        name: `Custom UI JS, ${label}, gzip, loaded before first render`,
        value: kib(js.initialGzipBytes),
        budget: `≤ ${budgetKib} KiB`,
        verdict: within(js.initialGzipBytes <= budgetKib * 1024),
      },
      info(`Custom UI JS, ${label}, gzip, with its lazy chunks`, kib(js.withLazyGzipBytes)),
    );
  }
  return figures;
}

runStandalone(module, uiBundleFigures);
