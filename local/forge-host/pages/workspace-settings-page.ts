/** `/{workspace}/workspace/settings/teamcity`: Bitbucket's workspace settings with the app's workspaceSettingsMenuPage. */
import type { DemoUser, DemoWorkspace } from '../bitbucket/demo-data';
import { frameUrl } from './frame-url';
import { html } from './html';
import { shellLayout } from './shell-layout';

const SECTIONS: Array<[string, string[]]> = [
  ['Workspace', ['Workspace settings', 'Plans and billing', 'User groups', 'Access tokens']],
  ['Security', ['Access controls', 'IP allowlisting', 'Two-step verification']],
  ['Pipelines', ['Workspace variables', 'Runners']],
];

export function workspaceSettingsPage(user: DemoUser, ws: DemoWorkspace): string {
  const src = frameUrl('teamcity-workspace-settings', { workspace: ws.slug });
  const path = `/${ws.slug}/workspace/settings/teamcity`;
  return shellLayout(
    user,
    `TeamCity — ${ws.name} settings`,
    html`<div class="settings">
  <nav class="sidenav" aria-label="Workspace settings">
    <h2>${ws.name}</h2>
    <p class="sidenav-caption">Workspace settings</p>
    ${SECTIONS.map(([title, items]) => html`<h3>${title}</h3><ul>${items.map((item) => html`<li><span class="disabled">${item}</span></li>`)}</ul>`)}
    <h3>Apps</h3>
    <ul><li><a class="selected" aria-current="page" href="${path}">TeamCity</a></li></ul>
  </nav>
  <section class="settings-content">
    <iframe class="forge-frame" data-autoresize src="${src}" title="TeamCity" sandbox="allow-scripts allow-same-origin allow-forms allow-popups"></iframe>
  </section>
</div>`,
  );
}
