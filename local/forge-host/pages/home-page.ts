/** `/`: where everything in the local host can be reached from. */
import { DEMO_WORKSPACE, type DemoUser } from '../bitbucket/demo-data';
import { html } from './html';
import { shellLayout } from './shell-layout';

export function homePage(user: DemoUser): string {
  const ws = DEMO_WORKSPACE;
  return shellLayout(
    user,
    'Local Forge host',
    html`<h1>TeamCity for Bitbucket — local Forge host</h1>
<p class="lead">The app runs here with the real @forge packages, an emulated Bitbucket workspace <strong>${ws.name}</strong> and local storage.</p>
<section class="card"><h2>Personal settings</h2><ul><li><a href="/account/teamcity">TeamCity access tokens</a></li></ul></section>
<section class="card"><h2>Workspace settings</h2><ul><li><a href="/${ws.slug}/workspace/settings/teamcity">TeamCity servers</a> (workspace admins)</li></ul></section>
<section class="card"><h2>Repositories</h2><ul>
${ws.repositories.map((r) => html`<li><a href="/${ws.slug}/${r.slug}">${ws.slug}/${r.slug}</a> — ${r.description}</li>`)}
</ul></section>
<section class="card"><h2>Pull requests</h2><ul>
${ws.repositories.flatMap((r) => r.pullRequests.map((pr) => html`<li><a href="/${ws.slug}/${r.slug}/pull-requests/${pr.id}">${r.slug} #${pr.id}: ${pr.title}</a></li>`))}
</ul></section>
<p class="hint">Switch user with the selector in the header or <code>?as=alice</code> on any page. <code>demo</code> is a workspace admin; the others are members.</p>`,
  );
}
