/**
 * TeamCity's Build Approval build feature (JetBrains: "Build Approval"; REST: ApprovalInfo, POST
 * /app/rest/buildQueue/{locator}/approve). A configuration with the feature keeps each new build in the queue until
 * every listed user and the required number of each listed group's members approved it; past the timeout TeamCity
 * cancels it. The simulator holds such a build by moving its start to "never" and releases it on the last approval.
 */
import type { SimBuild } from './builds';
import type { SimUser } from './entities';

export type ApprovalRule = {
  /** Usernames; each must approve. */
  users: string[];
  /** Each group needs `required` approvals from its members. */
  groups: Array<{ key: string; name: string; users: string[]; required: number }>;
  timeoutMs: number;
};

export type ApprovalStatus = 'waitingForApproval' | 'approved' | 'timedOut';

type Waiting = { rule: ApprovalRule; approvedBy: string[]; timeoutAt: number; runningMs: number; queuedMs: number };

/** A start time no clock reaches: the build stays queued until approved. */
export const NEVER = Number.MAX_SAFE_INTEGER;

export class ApprovalStore {
  /** Rules by build configuration id. */
  readonly rules = new Map<string, ApprovalRule>();
  private readonly builds = new Map<number, Waiting>();

  /** Called for every new build: one of a configuration with approval rules waits until approved. */
  hold(build: SimBuild): void {
    const rule = this.rules.get(build.buildTypeId);
    // A build of a branch the VCS roots do not cover fails to start before anybody is asked to approve it.
    if (!rule || build.failsToStart) return;
    this.builds.set(build.id, {
      rule,
      approvedBy: [],
      timeoutAt: build.queuedAt + rule.timeoutMs,
      runningMs: build.finishAt - build.startAt,
      queuedMs: build.startAt - build.queuedAt,
    });
    build.startAt = NEVER;
    build.finishAt = NEVER;
  }

  has(build: SimBuild): boolean {
    return this.builds.has(build.id);
  }

  /** Also cancels a build whose approval timed out, as TeamCity does once the timeout passes. */
  status(build: SimBuild, now: number): ApprovalStatus | undefined {
    const w = this.builds.get(build.id);
    if (!w) return undefined;
    if (this.satisfied(w)) return 'approved';
    if (now < w.timeoutAt) return 'waitingForApproval';
    build.canceled ??= { at: w.timeoutAt, by: build.triggeredBy, text: 'Build approval timed out' };
    return 'timedOut';
  }

  mayApprove(build: SimBuild, user: SimUser): boolean {
    const w = this.builds.get(build.id);
    if (!w || w.approvedBy.includes(user.username)) return false;
    return w.rule.users.includes(user.username) || w.rule.groups.some((g) => g.users.includes(user.username));
  }

  /** Records the approval; the last one needed releases the build into the queue. */
  approve(build: SimBuild, user: SimUser, now: number): void {
    const w = this.builds.get(build.id)!;
    w.approvedBy.push(user.username);
    if (this.satisfied(w) && build.startAt === NEVER) {
      build.startAt = now + w.queuedMs;
      build.finishAt = build.startAt + w.runningMs;
    }
  }

  details(build: SimBuild): Waiting | undefined {
    return this.builds.get(build.id);
  }

  private satisfied(w: Waiting): boolean {
    const usersDone = w.rule.users.every((u) => w.approvedBy.includes(u));
    const groupsDone = w.rule.groups.every((g) => g.users.filter((u) => w.approvedBy.includes(u)).length >= g.required);
    return usersDone && groupsDone;
  }
}
