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

function readStats(app: string): BuildStats {
  const file = path.join(STATIC_DIR, app, 'dist', 'build-stats.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BuildStats;
  } catch {
    throw new Error(`${path.relative(process.cwd(), file)} is missing or unreadable: run \`npm run build\` first.`);
  }
}

export async function uiBundleFigures(): Promise<Figure[]> {
  return BUDGETS.flatMap(({ app, label, budgetKib }) => {
    const { js } = readStats(app);
    return [
      {
        name: `Custom UI JS, ${label}, gzip, loaded before first render`,
        value: kib(js.initialGzipBytes),
        budget: `≤ ${budgetKib} KiB`,
        verdict: within(js.initialGzipBytes <= budgetKib * 1024),
      },
      info(`Custom UI JS, ${label}, gzip, with its lazy chunks`, kib(js.withLazyGzipBytes)),
    ];
  });
}

runStandalone(module, uiBundleFigures);
