import type { SimResults } from './build-results';
import type { Property, SimUser } from './entities';

export type BuildState = 'queued' | 'running' | 'finished';

export type SimBuild = {
  id: number;
  buildTypeId: string;
  /** Logical branch name; undefined when the build type has no branches (no VCS root). */
  branchName?: string;
  defaultBranch: boolean;
  comment?: string;
  properties: Property[];
  triggeredBy: SimUser;
  queuedAt: number;
  startAt: number;
  finishAt: number;
  /** Assigned at trigger time (monotonic per build type), shown once the build starts. */
  number: string;
  queueAtTop: boolean;
  /** triggeringOptions.cleanSources: delete the checkout directory first (the simulator only records it). */
  cleanSources: boolean;
  willFail: boolean;
  /** The branch is not covered by the branch specification: the build fails to start. */
  failsToStart: boolean;
  canceled?: { at: number; by: SimUser; text: string };
  /** The commit hash the build checks out (all its VCS roots); derived from the build when absent. */
  revision?: string;
  /** Tests, problems, log and artifacts of this build; derived from its outcome when absent. */
  results?: SimResults;
};

/** What a build looks like at a given moment; derived from timestamps so no timers are needed. */
export type BuildView = {
  state: BuildState;
  status?: 'SUCCESS' | 'FAILURE' | 'UNKNOWN';
  statusText?: string;
  percentageComplete?: number;
  elapsedSeconds?: number;
  startedAt?: number;
  finishedAt?: number;
  failedToStart: boolean;
};

/** How long a canceled running build keeps state=running while its agent stops it. */
export const CANCEL_STOP_MS = 300;

export function viewBuild(b: SimBuild, now: number): BuildView {
  if (b.canceled && b.canceled.at < b.startAt) {
    return { state: 'finished', status: 'UNKNOWN', statusText: 'Canceled', finishedAt: b.canceled.at, failedToStart: false };
  }
  if (now < b.startAt) return { state: 'queued', failedToStart: false };
  if (b.failsToStart) {
    return {
      state: 'finished',
      status: 'FAILURE',
      statusText: `Failed to start: branch '${b.branchName ?? ''}' is not covered by the branch specification of the VCS roots`,
      finishedAt: b.startAt,
      failedToStart: true,
    };
  }
  const runningMs = Math.max(1, b.finishAt - b.startAt);
  const progress = (t: number) => Math.min(99, Math.floor(((t - b.startAt) / runningMs) * 100));
  if (b.canceled) {
    const stopAt = Math.min(b.canceled.at + CANCEL_STOP_MS, b.finishAt);
    const base = { status: 'UNKNOWN' as const, statusText: 'Canceled (Step 1/1)', startedAt: b.startAt, failedToStart: false };
    if (now < stopAt) {
      return {
        ...base,
        state: 'running',
        percentageComplete: progress(b.canceled.at),
        elapsedSeconds: Math.floor((now - b.startAt) / 1000),
      };
    }
    return { ...base, state: 'finished', finishedAt: stopAt };
  }
  if (now < b.finishAt) {
    // A failing build reports FAILURE once its (simulated) tests have failed, halfway through.
    const failedYet = b.willFail && now - b.startAt >= runningMs / 2;
    return {
      state: 'running',
      status: failedYet ? 'FAILURE' : 'SUCCESS',
      statusText: failedYet ? 'Tests failed: 1 (1 new), passed: 41' : 'Step 1/1: Running tests',
      percentageComplete: progress(now),
      elapsedSeconds: Math.floor((now - b.startAt) / 1000),
      startedAt: b.startAt,
      failedToStart: false,
    };
  }
  return {
    state: 'finished',
    status: b.willFail ? 'FAILURE' : 'SUCCESS',
    // A build given its own results reports their first problem, as TeamCity's status text does.
    statusText: b.results?.problems?.[0]?.details ?? (b.willFail ? 'Tests failed: 1 (1 new), passed: 41' : 'Tests passed: 42'),
    startedAt: b.startAt,
    finishedAt: b.finishAt,
    failedToStart: false,
  };
}

/** Deterministic outcome so tests and demos can ask for a failure. */
export function buildWillFail(branchName: string | undefined, properties: Property[]): boolean {
  if (branchName?.toLowerCase().includes('fail')) return true;
  return properties.some((p) => p.name === 'sim.fail' && p.value === 'true');
}

export class BuildStore {
  private readonly builds = new Map<number, SimBuild>();
  private nextId = 1;

  constructor(
    public durations: { queuedMs: number; runningMs: number },
    private readonly clock: () => number = Date.now,
  ) {}

  add(input: Omit<SimBuild, 'id' | 'queuedAt' | 'startAt' | 'finishAt'> & { queuedAt?: number }): SimBuild {
    const queuedAt = input.queuedAt ?? this.clock();
    const startAt = queuedAt + this.durations.queuedMs;
    const build: SimBuild = { ...input, id: this.nextId++, queuedAt, startAt, finishAt: startAt + this.durations.runningMs };
    this.builds.set(build.id, build);
    return build;
  }

  /** Inserts an already finished build (demo history). */
  addHistorical(input: Omit<SimBuild, 'id'>): SimBuild {
    const build: SimBuild = { ...input, id: this.nextId++ };
    this.builds.set(build.id, build);
    return build;
  }

  get(id: number): SimBuild | undefined {
    return this.builds.get(id);
  }

  all(): SimBuild[] {
    return [...this.builds.values()];
  }

  cancel(build: SimBuild, by: SimUser, text: string, now = this.clock()): void {
    build.canceled = { at: now, by, text };
  }

  /** 1-based position among queued builds; queueAtTop builds go first. */
  queuePosition(build: SimBuild, now: number): number {
    const queued = this.all()
      .filter((b) => viewBuild(b, now).state === 'queued')
      .sort((a, b) => Number(b.queueAtTop) - Number(a.queueAtTop) || a.id - b.id);
    return queued.findIndex((b) => b.id === build.id) + 1;
  }
}
