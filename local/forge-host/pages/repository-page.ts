/** `/{workspace}/{repo}`: a repository's source page with a branch selector and the app's action. */
import type { DemoRepository, DemoUser, DemoWorkspace } from '../bitbucket/demo-data';
import { actionsMenu } from './actions-menu';
import { frameUrl } from './frame-url';
import { moduleFrame } from './module-frame';
import { html } from './html';
import { shellLayout } from './shell-layout';

const FILES = ['src', 'test', '.gitignore', 'README.md', 'package.json'];

export function repositoryPage(user: DemoUser, ws: DemoWorkspace, repo: DemoRepository, requestedBranch: string | null): string {
  const branch = requestedBranch && repo.branches.includes(requestedBranch) ? requestedBranch : repo.mainBranch;
  const modalSrc = frameUrl('teamcity-run-build-repository', { workspace: ws.slug, repo: repo.slug });
  return shellLayout(
    user,
    `${ws.slug}/${repo.slug}`,
    html`<p class="breadcrumbs"><a href="/">${ws.name}</a> / <a href="/${ws.slug}/${repo.slug}">${repo.name}</a></p>
<div class="page-header"><h1>${repo.name}</h1>${actionsMenu('teamcity-run-build-repository', modalSrc)}</div>
<p class="lead">${repo.description}</p>
<form class="branch-selector" method="get">
  <label>Branch <select name="at" data-autosubmit>
    ${repo.branches.map((b) => html`<option value="${b}"${b === branch ? html` selected` : ''}>${b}</option>`)}
  </select></label>
  <noscript><button type="submit">Show</button></noscript>
</form>
<table class="files"><caption>Source on <strong data-testid="current-branch">${branch}</strong></caption>
${FILES.map((f) => html`<tr><td>${f}</td><td class="muted">Latest change on ${branch}</td></tr>`)}
</table>
${moduleFrame('teamcity-repository-card', { workspace: ws.slug, repo: repo.slug, ...(requestedBranch !== null && { branch }) })}
<section class="card"><h2>Open pull requests</h2><ul>
${repo.pullRequests.map((pr) => html`<li><a href="/${ws.slug}/${repo.slug}/pull-requests/${pr.id}">#${pr.id} ${pr.title}</a> <span class="muted">${pr.source} → ${pr.destination}</span></li>`)}
</ul></section>`,
  );
}
