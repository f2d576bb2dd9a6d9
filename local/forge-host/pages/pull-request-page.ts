/** `/{workspace}/{repo}/pull-requests/{id}`: a pull request with the app's action. */
import { demoUser, type DemoPullRequest, type DemoRepository, type DemoUser, type DemoWorkspace } from '../bitbucket/demo-data';
import { actionsMenu } from './actions-menu';
import { frameUrl } from './frame-url';
import { moduleFrame } from './module-frame';
import { html, type SafeHtml } from './html';
import { shellLayout } from './shell-layout';

export function pullRequestPage(
  user: DemoUser,
  ws: DemoWorkspace,
  repo: DemoRepository,
  pr: DemoPullRequest,
  mergeChecks?: SafeHtml,
): string {
  const modalSrc = frameUrl('teamcity-run-build-pull-request', { workspace: ws.slug, repo: repo.slug, pr: pr.id });
  return shellLayout(
    user,
    `#${pr.id} ${pr.title}`,
    html`<p class="breadcrumbs"><a href="/">${ws.name}</a> / <a href="/${ws.slug}/${repo.slug}">${repo.name}</a> / Pull requests</p>
<div class="page-header"><h1>${pr.title} <span class="muted">#${pr.id}</span></h1>${actionsMenu('teamcity-run-build-pull-request', modalSrc)}</div>
<p class="pr-meta"><span class="lozenge">Open</span> <strong>${demoUser(pr.author).displayName}</strong> wants to merge
  <code class="branch">${pr.source}</code> → <code class="branch">${pr.destination}</code></p>
<div class="pr-layout">
  <div class="pr-main">
    <section class="card"><h2>Description</h2><p>${pr.description}</p></section>
    ${mergeChecks ?? ''}
    ${moduleFrame('teamcity-pull-request-builds', { workspace: ws.slug, repo: repo.slug, pr: pr.id })}
  </div>
  <aside class="pr-side">${moduleFrame('teamcity-pull-request-card', { workspace: ws.slug, repo: repo.slug, pr: pr.id })}</aside>
</div>`,
  );
}
