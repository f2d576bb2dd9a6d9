/** `/account/teamcity`: Bitbucket's personal settings with the app's workspacePersonalSettingsPage. */
import { DEMO_WORKSPACE, type DemoUser } from '../bitbucket/demo-data';
import { frameUrl } from './frame-url';
import { html } from './html';
import { shellLayout } from './shell-layout';

const OTHER_ITEMS = ['Account settings', 'Email aliases', 'Notifications', 'App passwords', 'SSH keys'];

export function accountSettingsPage(user: DemoUser): string {
  const src = frameUrl('teamcity-personal-settings', { workspace: DEMO_WORKSPACE.slug });
  return shellLayout(
    user,
    'TeamCity — Personal settings',
    html`<div class="settings">
  <nav class="sidenav" aria-label="Personal settings">
    <h2>Personal settings</h2>
    <p class="sidenav-caption">Manage account</p>
    <ul>${OTHER_ITEMS.map((item) => html`<li><span class="disabled">${item}</span></li>`)}</ul>
    <h3>Apps · ${DEMO_WORKSPACE.name}</h3>
    <ul><li><a class="selected" aria-current="page" href="/account/teamcity">TeamCity</a></li></ul>
  </nav>
  <section class="settings-content">
    <iframe class="forge-frame" data-autoresize src="${src}" title="TeamCity" sandbox="allow-scripts allow-same-origin allow-forms allow-popups"></iframe>
  </section>
</div>`,
  );
}
