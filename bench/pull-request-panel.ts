/**
 * The pull request panel's cost: TeamCity requests and resolver invocations to open it, per poll of the
 * unfinished builds and per expanded failed build, with 1, 10 and 50 build configurations of the repository and
 * 1,000 builds of history; and its time to the first row in Chromium as a ratio to the settings page's.
 */
import type { Browser, Page } from 'playwright-core';
import { startLocalHost, type LocalHost } from '../local/forge-host/start-local-host';
import { extensionForFrame } from '../local/forge-host/runtime/extension-context';
import { frameUrl } from '../local/forge-host/pages/frame-url';
import { headOf as headCommit } from '../local/forge-host/bitbucket/branch-heads';
import type { SimulatorData } from '../local/teamcity-simulator/data';
import { launchChromium } from '../test/browser/browser-helpers';
import type { Result } from '../src/shared/result';
import { BUILD_RESULTS_RESOLVER_FUNCTIONS as F, type BuildResultsResponse, type ConfigurationResultView } from '../src/shared/schemas';
import { addToken } from './distinct-servers';
import { info, median, runStandalone, within, type Figure } from './figure';

const CONFIGURATION_COUNTS = [1, 10, 50];
const HISTORY = 1000;
const LOADS = 7;
const USER = 'bench-panel';
const WEBAPP = 'https://bitbucket.org/acme/webapp.git';
const HOUR = 3_600_000;
const LOAD_TIMEOUT_MS = 30_000;

/** N configurations of acme/webapp and HISTORY builds spread over them: a few for the PR's head, most older. */
function seed(data: SimulatorData, configurations: number): void {
  const ids = data.generateBuildTypes(configurations, { projectId: 'Bench', urlFor: () => WEBAPP });
  const admin = data.requireUser('admin');
  const head = headCommit('acme', 'webapp', 'feature/login');
  const now = Date.now();
  for (let i = 0; i < HISTORY; i++) {
    const buildTypeId = ids[i % ids.length]!;
    const recent = i >= HISTORY - ids.length;
    const queuedAt = now - (HISTORY - i) * 60_000;
    data.builds.addHistorical({
      buildTypeId,
      branchName: i % 3 === 0 ? 'main' : 'feature/login',
      defaultBranch: i % 3 === 0,
      properties: [],
      triggeredBy: admin,
      queuedAt,
      startAt: queuedAt + 5_000,
      // The newest build of each configuration runs on; every fourth of them fails.
      finishAt: recent && i % 2 === 0 ? now + HOUR : queuedAt + 60_000,
      number: String(i + 1),
      queueAtTop: false,
      cleanSources: false,
      willFail: i % 4 === 1,
      failsToStart: false,
      revision: recent ? head : `${String(i).padStart(8, '0')}${'0'.repeat(32)}`,
    });
  }
}

const panelExtension = () => extensionForFrame({ module: 'teamcity-pull-request-builds', repo: 'webapp', pr: '1' });

async function requestFigures(configurations: number): Promise<Figure[]> {
  const host = await startLocalHost({ port: 0, dbPath: ':memory:', teamcity: {} });
  try {
    const sim = host.simulator!;
    seed(sim.data, configurations);
    const { token } = await addToken(host, USER, sim);
    sim.clearRequests();
    const opened = (await host.invoke(USER, F.getBuildResults, {}, panelExtension())) as Result<BuildResultsResponse>;
    if (!opened.ok) throw new Error(`getBuildResults failed: ${opened.error.code}`);
    const openRequests = sim.requests.length;
    const server = opened.data.servers[0];
    if (!server?.ok) throw new Error('no builds');
    const rows: ConfigurationResultView[] = server.configurations;
    const unfinished = rows.flatMap((r) => (r.build && r.build.state !== 'finished' ? [r.build.id] : []));
    sim.clearRequests();
    if (unfinished.length > 0) await host.invoke(USER, F.pollBuildResults, { tokenId: token.id, buildIds: unfinished }, panelExtension());
    const pollRequests = sim.requests.length;
    const failed = rows.find((r) => r.outcome === 'failed')?.build ?? rows[0]?.build;
    sim.clearRequests();
    if (failed) await host.invoke(USER, F.getBuildFailureDetails, { tokenId: token.id, buildId: failed.id }, panelExtension());
    const expandRequests = sim.requests.length;
    const label = `${configurations} configuration${configurations === 1 ? '' : 's'}, ${HISTORY} builds`;
    return [
      {
        // The simulator's demo seed adds the 4 configurations of its own that build acme/webapp.
        name: `Panel open, ${label}: TeamCity requests (${rows.length} rows)`,
        value: String(openRequests),
        budget: '≤ 2',
        verdict: within(openRequests <= 2 && rows.length >= configurations),
      },
      {
        name: `Panel poll of ${unfinished.length} unfinished builds, ${label}: TeamCity requests`,
        value: String(pollRequests),
        budget: '≤ 1',
        verdict: within(pollRequests <= 1),
      },
      {
        name: `Failed build expanded, ${label}: TeamCity requests`,
        value: String(expandRequests),
        budget: '≤ 3',
        verdict: within(expandRequests <= 3),
      },
    ];
  } finally {
    await host.close();
  }
}

async function firstRowMs(browser: Browser, url: string, firstRow: (page: Page) => Promise<void>): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
  try {
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    await firstRow(page);
    return performance.now() - started;
  } finally {
    await context.close();
  }
}

async function timingFigures(host: LocalHost, browser: Browser): Promise<Figure[]> {
  const panelUrl = `${host.url}${frameUrl('teamcity-pull-request-builds', { workspace: 'acme', repo: 'webapp', pr: 1 })}&as=${USER}`;
  const settingsUrl = `${host.url}/account/teamcity?as=${USER}`;
  const panelRow = (page: Page) =>
    page.locator('[data-testid^="build-row-"]').first().waitFor({ state: 'visible', timeout: LOAD_TIMEOUT_MS });
  const settingsRow = (page: Page) =>
    page.frameLocator('iframe.forge-frame').locator('tbody tr').first().waitFor({ state: 'visible', timeout: LOAD_TIMEOUT_MS });
  await firstRowMs(browser, panelUrl, panelRow); // warm-up, not counted
  await firstRowMs(browser, settingsUrl, settingsRow);
  const panel: number[] = [];
  const settings: number[] = [];
  let invokes = 0;
  for (let i = 0; i < LOADS; i++) {
    host.httpLog.length = 0;
    panel.push(await firstRowMs(browser, panelUrl, panelRow));
    invokes = Math.max(invokes, host.httpLog.filter((e) => e.path === '/__forge/bridge/invoke').length);
    settings.push(await firstRowMs(browser, settingsUrl, settingsRow));
  }
  const ratio = median(panel) / median(settings);
  return [
    {
      name: 'Panel open (10 configurations): resolver invocations',
      value: String(invokes),
      budget: 'exactly 1',
      verdict: within(invokes === 1),
    },
    info(`Panel time to first row, p50 of ${LOADS} (10 configurations)`, `${median(panel).toFixed(0)} ms`),
    info(`Settings page time to first row, p50 of ${LOADS} (1 token)`, `${median(settings).toFixed(0)} ms`),
    { name: 'Panel time to first row ÷ settings page’s', value: `${ratio.toFixed(2)}×`, budget: '≤ 1.5×', verdict: within(ratio <= 1.5) },
  ];
}

export async function pullRequestPanelFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const n of CONFIGURATION_COUNTS) figures.push(...(await requestFigures(n)));
  const host = await startLocalHost({ port: 0, dbPath: ':memory:', teamcity: {} });
  const browser = await launchChromium();
  try {
    seed(host.simulator!.data, 10);
    await addToken(host, USER, host.simulator!);
    figures.push(...(await timingFigures(host, browser)));
  } finally {
    await browser.close();
    await host.close();
  }
  return figures;
}

runStandalone(module, pullRequestPanelFigures);
