/** `/{workspace}/{repo}/admin/teamcity`: Bitbucket's repository settings with the app's repoSettingsMenuPage. */
import type { DemoRepository, DemoUser, DemoWorkspace } from '../bitbucket/demo-data';
import { frameUrl } from './frame-url';
import { html } from './html';
import { shellLayout } from './shell-layout';

const GROUPS: Array<[string, string[]]> = [
  ['General', ['Repository details', 'Repository permissions', 'Access keys']],
  ['Workflow', ['Branch restrictions', 'Merge checks', 'Webhooks']],
];

export const repositorySettingsPath = (ws: DemoWorkspace, repo: DemoRepository) => `/${ws.slug}/${repo.slug}/admin/teamcity`;

export function repositorySettingsPage(user: DemoUser, ws: DemoWorkspace, repo: DemoRepository): string {
  const src = frameUrl('teamcity-repository-settings', { workspace: ws.slug, repo: repo.slug });
  return shellLayout(
    user,
    `TeamCity — ${repo.name} settings`,
    html`<p class="breadcrumbs"><a href="/">${ws.name}</a> / <a href="/${ws.slug}/${repo.slug}">${repo.name}</a> / Repository settings</p>
<div class="settings">
  <nav class="sidenav" aria-label="Repository settings">
    <h2>${repo.name}</h2>
    <p class="sidenav-caption">Repository settings</p>
    ${GROUPS.map(([group, entries]) => html`<h3>${group}</h3><ul>${entries.map((entry) => html`<li><span class="disabled">${entry}</span></li>`)}</ul>`)}
    <h3>Apps</h3>
    <ul><li><a class="selected" aria-current="page" href="${repositorySettingsPath(ws, repo)}">TeamCity</a></li></ul>
  </nav>
  <section class="settings-content">
    <iframe class="forge-frame" data-autoresize src="${src}" title="TeamCity repository settings" sandbox="allow-scripts allow-same-origin allow-forms allow-popups"></iframe>
  </section>
</div>`,
  );
}
