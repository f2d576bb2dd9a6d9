/**
 * What a finished (or running) build produced: its commit, test occurrences, build problems, log and
 * artifacts. A build may carry its own (demo and test builds do); otherwise they follow from its outcome,
 * so every simulated build has plausible results without anyone writing them.
 */
import { createHash } from 'node:crypto';
import type { SimBuild } from './builds';
import { viewBuild } from './builds';
import type { SimulatorData } from './data';

export type SimTest = {
  name: string;
  status: 'SUCCESS' | 'FAILURE' | 'UNKNOWN';
  durationMs: number;
  ignored?: boolean;
  muted?: boolean;
  newFailure?: boolean;
  details?: string;
};

export type SimProblem = { type: string; identity: string; details: string };
export type SimArtifact = { name: string; size: number };

export type SimResults = {
  tests?: SimTest[];
  problems?: SimProblem[];
  log?: string[];
  artifacts?: SimArtifact[];
};

/** Stands for the passing tests of a derived result; only their number matters. */
const PASSED_TESTS = 41;

const FAILED_TEST: SimTest = {
  name: 'com.acme.login.LoginTest.rejectsExpiredSession',
  status: 'FAILURE',
  durationMs: 1240,
  newFailure: true,
  details: 'java.lang.AssertionError: expected 401 but was 200\n\tat com.acme.login.LoginTest.rejectsExpiredSession(LoginTest.java:42)',
};

/** The commit a build checks out: the one it was given or took at trigger time, or a stable fake. */
export function revisionOf(data: SimulatorData, b: SimBuild): string {
  if (b.revision) return b.revision;
  const bt = data.buildTypes.get(b.buildTypeId);
  const root = bt?.vcsRootIds.map((id) => data.requireVcsRoot(id))[0];
  return createHash('sha1')
    .update(`${root?.url ?? ''}#${b.branchName ?? ''}#${b.id}`)
    .digest('hex');
}

export function testsOf(b: SimBuild, now: number): SimTest[] {
  if (b.results?.tests) return b.results.tests;
  const view = viewBuild(b, now);
  if (view.state === 'queued' || view.failedToStart || (b.canceled && view.startedAt === undefined)) return [];
  const failed = b.willFail && view.status === 'FAILURE' ? [FAILED_TEST] : [];
  const passed = Array.from({ length: PASSED_TESTS }, (_, i) => ({
    name: `com.acme.Suite.test${String(i + 1).padStart(2, '0')}`,
    status: 'SUCCESS' as const,
    durationMs: 20 + i,
  }));
  return [...failed, ...(view.state === 'finished' || failed.length > 0 ? passed : passed.slice(0, 10))];
}

export function problemsOf(b: SimBuild, now: number): SimProblem[] {
  if (b.results?.problems) return b.results.problems;
  const view = viewBuild(b, now);
  if (view.failedToStart) return [{ type: 'TC_FAILED_TO_START', identity: 'failedToStart', details: view.statusText ?? '' }];
  if (view.status !== 'FAILURE') return [];
  return [{ type: 'TC_FAILED_TESTS', identity: 'tests', details: 'Tests failed: 1 (1 new), passed: 41' }];
}

export function logOf(b: SimBuild, now: number): string[] {
  if (b.results?.log) return b.results.log;
  const view = viewBuild(b, now);
  if (view.startedAt === undefined) return [];
  const lines = [`[08:00:00] : Build ${b.number} started on sim-agent-1`, `[08:00:01] : Checking out ${b.branchName ?? 'default branch'}`];
  for (let i = 1; i <= 150; i++) lines.push(`[08:00:${String(i % 60).padStart(2, '0')}] : Step ${i}: running`);
  if (view.status === 'FAILURE') lines.push('[08:02:30] : Tests failed: 1 (1 new), passed: 41', '[08:02:31] : Process exited with code 1');
  if (view.state === 'finished') lines.push(`[08:02:32] : Build finished`);
  return lines;
}

export function artifactsOf(b: SimBuild, now: number): SimArtifact[] {
  if (b.results?.artifacts) return b.results.artifacts;
  return viewBuild(b, now).state === 'finished' && !b.canceled && !b.failsToStart
    ? [
        { name: 'app.zip', size: 1_482_113 },
        { name: 'test-report.html', size: 48_020 },
      ]
    : [];
}
