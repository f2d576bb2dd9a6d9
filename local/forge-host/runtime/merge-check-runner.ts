/**
 * Runs the app's `bitbucket:mergeCheck` function the way Bitbucket does: with the check's event payload only
 * (workspace, repository and pull request uuids/ids and the trigger; Forge docs, "Bitbucket custom merge check"),
 * no user, and whatever it returns (or throws) recorded as the check's result.
 */
import type { DemoRepository, DemoWorkspace } from '../bitbucket/demo-data';
import { loadAppModule } from './resolver-runner';

export type MergeCheckTrigger = 'on-code-pushed' | 'on-reviewer-status-changed' | 'on-merge';
export type MergeCheckFunction = (event: unknown, context?: unknown) => Promise<unknown>;
export type MergeCheckResult = { success: boolean; message?: string; trigger: MergeCheckTrigger; at: string };

export async function loadMergeCheck(): Promise<MergeCheckFunction> {
  const appModule = await loadAppModule();
  if (typeof appModule.mergeCheck !== 'function') throw new Error('src/index.ts does not export a `mergeCheck` function.');
  return appModule.mergeCheck as MergeCheckFunction;
}

export async function runMergeCheck(
  check: MergeCheckFunction,
  ws: DemoWorkspace,
  repo: DemoRepository,
  pullRequestId: number,
  trigger: MergeCheckTrigger,
): Promise<MergeCheckResult> {
  const event = {
    workspace: { uuid: ws.uuid },
    repository: { uuid: repo.uuid },
    pullrequest: { id: pullRequestId },
    trigger: { type: trigger },
  };
  const at = new Date().toISOString();
  try {
    const result = (await check(event, { installContext: `ari:cloud:bitbucket::workspace/${ws.uuid.replace(/[{}]/g, '')}` })) as {
      success?: unknown;
      message?: unknown;
    };
    // Anything but a boolean `success` is not a valid check result, and Bitbucket counts it as failed.
    if (typeof result?.success !== 'boolean') return { success: false, trigger, at };
    return { success: result.success, ...(typeof result.message === 'string' && { message: result.message }), trigger, at };
  } catch {
    return { success: false, trigger, at };
  }
}
