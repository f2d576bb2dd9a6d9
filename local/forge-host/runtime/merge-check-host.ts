/**
 * The local host's side of custom merge checks: runs the check on the events Bitbucket runs it on (a push to the
 * source branch, a reviewer's approval, a merge attempt), keeps the latest result per pull request for the pull
 * request page, and lets the TeamCity simulator learn branch heads the way TeamCity reads them from the repository.
 */
import { DEMO_WORKSPACE, findRepository } from '../bitbucket/demo-data';
import { headOf, pushCommit } from '../bitbucket/branch-heads';
import type { TeamCitySimulator } from '../../teamcity-simulator';
import { loadMergeCheck, runMergeCheck, type MergeCheckResult, type MergeCheckTrigger } from './merge-check-runner';

export type MergeChecks = {
  run(repoSlug: string, pullRequestId: number, trigger: MergeCheckTrigger): Promise<MergeCheckResult>;
  /** Moves the source branch of the pull request to a new commit and runs the on-code-pushed check. */
  push(repoSlug: string, pullRequestId: number): Promise<MergeCheckResult>;
  latest(repoSlug: string, pullRequestId: number): MergeCheckResult | undefined;
  /** Whether a pull request was merged through the host's Merge button. */
  merged(repoSlug: string, pullRequestId: number): boolean;
  merge(repoSlug: string, pullRequestId: number): Promise<MergeCheckResult>;
};

/** `https://bitbucket.org/acme/webapp.git`, `git@bitbucket.org:acme/webapp.git`, … → `webapp` in the demo workspace. */
const repoSlugOf = (vcsUrl: string): string | undefined =>
  new RegExp(`bitbucket\\.org[/:]${DEMO_WORKSPACE.slug}/([^/.]+)`, 'i').exec(vcsUrl)?.[1]?.toLowerCase();

export function connectSimulatorToBranches(simulator: TeamCitySimulator): void {
  simulator.data.revisionOf = (vcsUrl, branchName) => {
    const slug = repoSlugOf(vcsUrl);
    const repo = slug && findRepository(DEMO_WORKSPACE.slug, slug);
    return repo && repo.branches.includes(branchName) ? headOf(DEMO_WORKSPACE.slug, repo.slug, branchName) : undefined;
  };
}

export function createMergeChecks(): MergeChecks {
  const check = loadMergeCheck();
  check.catch(() => undefined);
  const results = new Map<string, MergeCheckResult>();
  const mergedPrs = new Set<string>();
  const key = (slug: string, id: number) => `${slug}#${id}`;
  const pullRequest = (slug: string, id: number) => {
    const repo = findRepository(DEMO_WORKSPACE.slug, slug);
    const pr = repo?.pullRequests.find((p) => p.id === id);
    if (!repo || !pr) throw new Error(`Unknown pull request ${slug}#${id}.`);
    return { repo, pr };
  };

  const run = async (slug: string, id: number, trigger: MergeCheckTrigger) => {
    const { repo } = pullRequest(slug, id);
    const result = await runMergeCheck(await check, DEMO_WORKSPACE, repo, id, trigger);
    results.set(key(slug, id), result);
    return result;
  };

  return {
    run,
    async push(slug, id) {
      const { repo, pr } = pullRequest(slug, id);
      pushCommit(DEMO_WORKSPACE.slug, repo.slug, pr.source);
      return run(slug, id, 'on-code-pushed');
    },
    latest: (slug, id) => results.get(key(slug, id)),
    merged: (slug, id) => mergedPrs.has(key(slug, id)),
    async merge(slug, id) {
      // Bitbucket runs on-merge checks as part of the merge and aborts it when a Required one fails.
      const result = await run(slug, id, 'on-merge');
      if (result.success) mergedPrs.add(key(slug, id));
      return result;
    },
  };
}
