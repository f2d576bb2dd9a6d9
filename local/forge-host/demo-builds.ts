/**
 * Joins the emulated Bitbucket and the TeamCity simulator: tells the simulator where every demo branch points
 * and gives the demo pull requests' head commits builds in every state, so the pull request panel has something
 * to show. Pull request #1 of acme/webapp: failed (with tests, a muted and an ignored one, problems), running,
 * queued, not built. #2: passed, canceled, failed to start, and one configuration whose last build of the
 * branch is for an older commit.
 */
import type { SimulatorData } from '../teamcity-simulator/data';
import type { SimBuild } from '../teamcity-simulator/builds';
import type { SimResults } from '../teamcity-simulator/build-results';
import { DEMO_WORKSPACE } from './bitbucket/demo-data';
import { headOf as headCommit, pushCommit, resetBranchHeads as resetPushes } from './bitbucket/branch-heads';

const MINUTE = 60_000;
/** Far enough away that a demo build stays queued or running for as long as anyone watches. */
const LATER = 24 * 60 * MINUTE;
/** The demo's running build goes on for a while after start-up, then finishes like any build. */
const RUNNING_FOR = 10 * MINUTE;

/** A push to a demo branch: Bitbucket's head moves, and TeamCity builds triggered from now on check it out. */
export const pushDemoCommit = (repo: string, branch: string): string => pushCommit(DEMO_WORKSPACE.slug, repo, branch);

/** Undoes every push (tests that pushed). */
export const resetDemoPushes = (): void => resetPushes();

type DemoBuild = {
  buildTypeId: string;
  branch: string;
  outcome: 'success' | 'failure' | 'running' | 'queued' | 'canceled' | 'failedToStart';
  minutesAgo: number;
  revision?: string;
  results?: SimResults;
};

const FAILED_RESULTS: SimResults = {
  tests: [
    {
      name: 'com.acme.login.SsoLoginTest.redirectsToIdentityProvider',
      status: 'FAILURE',
      durationMs: 2310,
      newFailure: true,
      details:
        'java.lang.AssertionError: expected redirect to https://idp.acme.example but was /login\n\tat com.acme.login.SsoLoginTest.redirectsToIdentityProvider(SsoLoginTest.java:57)\n\tat java.base/java.lang.Thread.run(Thread.java:1583)',
    },
    {
      name: 'com.acme.login.SessionTest.expiresAfterIdleTimeout',
      status: 'FAILURE',
      durationMs: 480,
      details:
        'org.opentest4j.AssertionFailedError: session still valid after 31 minutes\n\tat com.acme.login.SessionTest.expiresAfterIdleTimeout(SessionTest.java:88)',
    },
    {
      name: 'com.acme.login.LegacyLoginTest.acceptsMd5Passwords',
      status: 'FAILURE',
      durationMs: 95,
      muted: true,
      details: 'java.lang.IllegalStateException: MD5 support removed',
    },
    { name: 'com.acme.login.SsoLoginTest.logsOut', status: 'UNKNOWN', durationMs: 0, ignored: true },
    ...Array.from({ length: 38 }, (_, i) => ({
      name: `com.acme.web.PageTest.renders${i + 1}`,
      status: 'SUCCESS' as const,
      durationMs: 30 + i,
    })),
  ],
  problems: [
    { type: 'TC_FAILED_TESTS', identity: 'tests', details: 'Tests failed: 2 (1 new), passed: 38, ignored: 1, muted: 1' },
    { type: 'TC_EXIT_CODE', identity: 'exit-code', details: 'Process exited with code 1 (Step: Run tests (Gradle))' },
  ],
  artifacts: [
    { name: 'webapp.zip', size: 2_483_112 },
    { name: 'test-report.html', size: 61_440 },
  ],
};

function add(data: SimulatorData, now: number, b: DemoBuild): SimBuild {
  const bt = data.requireBuildType(b.buildTypeId);
  const queuedAt = now - b.minutesAgo * MINUTE;
  const admin = data.requireUser('admin');
  const timing =
    b.outcome === 'queued'
      ? { startAt: now + LATER, finishAt: now + 2 * LATER }
      : b.outcome === 'running'
        ? { startAt: queuedAt + 10_000, finishAt: now + RUNNING_FOR }
        : { startAt: queuedAt + 10_000, finishAt: queuedAt + 10_000 + 4 * MINUTE };
  const build = data.builds.addHistorical({
    buildTypeId: bt.id,
    branchName: b.branch,
    defaultBranch: false,
    properties: [],
    triggeredBy: admin,
    queuedAt,
    ...timing,
    number: String(bt.buildNumberCounter++),
    queueAtTop: false,
    cleanSources: false,
    willFail: b.outcome === 'failure',
    failsToStart: b.outcome === 'failedToStart',
    revision: b.revision ?? headCommit(DEMO_WORKSPACE.slug, 'webapp', b.branch),
    ...(b.results && { results: b.results }),
  });
  if (b.outcome === 'canceled') data.builds.cancel(build, admin, 'Superseded by a newer push', queuedAt + 60_000);
  return build;
}

export function seedPullRequestBuilds(data: SimulatorData, now = Date.now()): void {
  const demo: DemoBuild[] = [
    // PR #1 feature/login -> develop
    { buildTypeId: 'Acme_Webapp_Build', branch: 'feature/login', outcome: 'failure', minutesAgo: 25, results: FAILED_RESULTS },
    { buildTypeId: 'Acme_Webapp_UnitTests', branch: 'feature/login', outcome: 'running', minutesAgo: 6 },
    { buildTypeId: 'Acme_Webapp_DeployStaging', branch: 'feature/login', outcome: 'queued', minutesAgo: 2 },
    // PR #2 develop -> main
    { buildTypeId: 'Acme_Webapp_Build', branch: 'develop', outcome: 'success', minutesAgo: 50 },
    { buildTypeId: 'Acme_Webapp_UnitTests', branch: 'develop', outcome: 'canceled', minutesAgo: 45 },
    { buildTypeId: 'Acme_Webapp_DeployStaging', branch: 'develop', outcome: 'failedToStart', minutesAgo: 40 },
    {
      buildTypeId: 'AcmeRelease_Production',
      branch: 'develop',
      outcome: 'success',
      minutesAgo: 600,
      revision: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    },
  ];
  for (const b of demo) add(data, now, b);
}
