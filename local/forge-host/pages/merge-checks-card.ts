/**
 * The pull request's merge checks as Bitbucket shows them: the check's name, Passed or Failed, its message as
 * plain text, and a Merge button that stays disabled while the Required check has not passed. The forms post to
 * the host (merge-check-actions.ts), which runs the check on the same events Bitbucket does.
 */
import type { MergeCheckResult } from '../runtime/merge-check-runner';
import { html } from './html';

const CHECK_NAME = 'TeamCity builds passed';

export function mergeChecksCard(actionPath: string, result: MergeCheckResult | undefined, merged: boolean) {
  const passed = result?.success === true;
  const state = result === undefined ? 'Not run' : passed ? 'Passed' : 'Failed';
  const message = result?.message ?? (result ? 'The check failed without a message.' : 'The check has not run yet.');
  const form = (action: string, label: string, testId: string, extra = '') =>
    html`<form method="post" action="${actionPath}/${action}" class="inline-form"><button type="submit" data-testid="${testId}"${extra ? html` ${extra}` : ''}>${label}</button></form>`;
  return html`<section class="card merge-checks" data-testid="merge-checks">
  <h2>Merge checks</h2>
  <div class="merge-check" data-testid="merge-check" data-state="${state.toLowerCase().replace(' ', '-')}">
    <span class="lozenge ${passed ? 'lozenge-success' : 'lozenge-removed'}" data-testid="merge-check-state">${state}</span>
    <strong>${CHECK_NAME}</strong> <span class="muted">Required</span>
    <p data-testid="merge-check-message">${message}</p>
    ${result ? html`<p class="muted">Last run on ${result.trigger} at <time datetime="${result.at}">${result.at}</time></p>` : ''}
  </div>
  <div class="merge-actions">
    ${form('run', 'Re-run check', 'rerun-check')}
    ${form('approve', 'Approve', 'approve')}
    ${form('push', 'Push a commit to the source branch', 'push-commit')}
    ${merged ? html`<span class="lozenge lozenge-success" data-testid="merged">Merged</span>` : form('merge', 'Merge', 'merge-button', passed ? '' : 'disabled aria-disabled="true"')}
  </div>
</section>`;
}
