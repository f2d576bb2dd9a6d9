/**
 * POST `/{workspace}/{repo}/pull-requests/{id}/merge-checks/{run|approve|push|merge}` from the pull request page:
 * the events Bitbucket runs custom merge checks on (a re-run, a reviewer approval, a push to the source branch,
 * a merge attempt). Same-origin only, then back to the pull request page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MergeChecks } from '../runtime/merge-check-host';
import { sendText } from './responses';

export const MERGE_CHECK_ACTION = /^\/([^/_][^/]*)\/([^/]+)\/pull-requests\/(\d+)\/merge-checks\/(run|approve|push|merge)$/;

export async function handleMergeCheckAction(req: IncomingMessage, res: ServerResponse, match: RegExpExecArray, checks: MergeChecks) {
  // With the host's no-referrer policy a form post says `Origin: null`; Sec-Fetch-Site still tells where it came from.
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  const foreign = site !== undefined ? site !== 'same-origin' : origin !== undefined && origin !== `http://${req.headers.host}`;
  if (foreign) return sendText(res, 403, 'Merge check actions come from this host only.');
  // The form has no fields; the body is drained so the connection can be reused.
  await new Promise<void>((resolve) => req.resume().on('end', resolve).on('error', resolve));
  const [, ws, repo, id, action] = match;
  const pr = Number(id);
  try {
    if (action === 'run') await checks.run(repo!, pr, 'on-code-pushed');
    else if (action === 'approve') await checks.run(repo!, pr, 'on-reviewer-status-changed');
    else if (action === 'push') await checks.push(repo!, pr);
    else await checks.merge(repo!, pr);
  } catch {
    return sendText(res, 404, `There is no pull request ${ws}/${repo} #${id}.`);
  }
  res.writeHead(303, { Location: `/${ws}/${repo}/pull-requests/${id}` }).end();
}
