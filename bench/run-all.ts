/**
 * `npm run bench`: every benchmark in turn, one table of figures with budgets, and bench/results.md.
 * Figures over budget are reported, not failed: the exit code is non-zero only when a benchmark could not
 * measure at all.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { backendColdImportFigures } from './backend-cold-import';
import { discoveryFigures } from './discovery';
import type { Figure } from './figure';
import { machineInfo } from './machine-info';
import { mergeCheckFigures } from './merge-check';
import { markdownReport, textTable } from './report-table';
import { settingsPageLoadFigures } from './settings-page-load';
import { pullRequestPanelFigures } from './pull-request-panel';
import { tokenOperationFigures } from './token-operations';
import { triggerRequestFigures } from './trigger-requests';
import { uiBundleFigures } from './ui-bundle-size';
import { isLogLine } from '../src/logging/log';

const BENCHMARKS: Array<{ name: string; run: () => Promise<Figure[]> }> = [
  { name: 'settings page in Chromium', run: settingsPageLoadFigures },
  { name: 'token requests and storage', run: tokenOperationFigures },
  { name: 'trigger requests', run: triggerRequestFigures },
  { name: 'configuration discovery', run: discoveryFigures },
  { name: 'merge check', run: mergeCheckFigures },
  { name: 'pull request panel', run: pullRequestPanelFigures },
  { name: 'Custom UI bundle size', run: uiBundleFigures },
  { name: 'resolver backend cold import', run: backendColdImportFigures },
];

const NOTES = [
  "Requests and storage operations are counted from the local host's transports: the TeamCity simulator's request log, the @forge/kvs transport's operation log and the host's HTTP log (bridge invokes).",
  'N tokens for one user need N TeamCity servers (one token per server per user; the simulator serves no context path), so the listing and page benchmarks start one extra simulator per token on its own loopback port and add every token through the real addToken resolver.',
  'Custom UI JS budget counts what a page downloads before it can render (entry chunk + static imports, from static/<app>/dist/build-stats.json, gzip level 9, KiB); the lazy-chunk and browser-observed rows are for information.',
  'The static comparison page is served by a node:http server of the benchmark on 127.0.0.1 (the local host has no route for arbitrary pages); both pages load in a fresh Chromium context (cold cache), timed from navigation start until the first table row is visible.',
  'Discovery is timed through the real findBuildConfigurations resolver against a yardstick that lists every VCS root and build type and matches in the client (bench/naive-discovery.ts); both must find the same configurations.',
  'The merge check runs through the local host exactly as Bitbucket invokes it (event payload only, no user); required configurations are written straight into its settings record, since the save resolver would look every new id up in TeamCity first.',
  "Pull request panel: N generated configurations of acme/webapp (plus the simulator demo seed's 4) and 1,000 builds of history; the panel is opened through the real getBuildResults resolver, and its frame is loaded on its own in Chromium (one resolver invocation) and timed from navigation start until the first configuration row is visible, against the settings page with one token.",
  'Listing tokens: Forge\'s Key-Value Store returns at most 20 entries per query page (Forge storage docs, "Querying key-value pairs"), the local host enforces the same cap, and a token takes 2 entries, so the budget is 1 page up to 10 tokens and one more per 10 beyond.',
  "Round trips of waiting come from the simulator's request log (when each request arrived and when its answer left): requests that arrived before another's answer left went out together; the count is the longest chain of requests that each waited for an earlier answer (bench/round-trips.ts). The simulator holds each answer back so that overlap is unmistakable.",
];

/** The app logs one JSON line per resolver call; in a benchmark table they are noise. */
function silenceAppLogs(): () => void {
  const original = console.log;
  console.log = (...args: unknown[]) => {
    if (args.length === 1 && typeof args[0] === 'string' && isLogLine(args[0])) return;
    original(...args);
  };
  return () => {
    console.log = original;
  };
}

async function main(): Promise<void> {
  const loadAverageAtStart = machineInfo().loadAverage;
  const figures: Figure[] = [];
  const restore = silenceAppLogs();
  try {
    for (const bench of BENCHMARKS) {
      process.stderr.write(`running: ${bench.name}\n`);
      try {
        figures.push(...(await bench.run()));
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        figures.push({ name: bench.name, value: `could not measure: ${reason}`, budget: '—', verdict: 'ERROR' });
      }
    }
  } finally {
    restore();
  }
  console.log(textTable(figures));
  const file = path.join(__dirname, 'results.md');
  writeFileSync(file, markdownReport(figures, { finishedAt: new Date(), loadAverageAtStart, machine: machineInfo() }, NOTES));
  console.log(`\nWritten to ${path.relative(process.cwd(), file)}`);
  if (figures.some((f) => f.verdict === 'ERROR')) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
