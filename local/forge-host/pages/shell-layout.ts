/** The Bitbucket-like frame around every page: header bar, user switcher, flag area. */
import { KNOWN_USERS, type DemoUser } from '../bitbucket/demo-data';
import { html, type SafeHtml } from './html';

export function shellLayout(user: DemoUser, title: string, body: SafeHtml): string {
  const names = KNOWN_USERS.includes(user.name as (typeof KNOWN_USERS)[number]) ? [...KNOWN_USERS] : [...KNOWN_USERS, user.name];
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — Bitbucket (local)</title>
<link rel="stylesheet" href="/__forge/assets/shell.css">
<script src="/__forge/assets/shell.js" defer></script>
</head>
<body>
<header class="topbar">
  <a class="brand" href="/"><span class="logo" aria-hidden="true"></span>Bitbucket <span class="badge">local</span></a>
  <nav class="topnav"><a href="/acme/webapp">Repositories</a><a href="/acme/webapp/pull-requests/1">Pull requests</a><a href="/account/teamcity">Personal settings</a><a href="/acme/workspace/settings/teamcity">Workspace settings</a></nav>
  <form class="user-switcher" method="get">
    <span class="avatar" aria-hidden="true">${user.displayName.charAt(0)}</span>
    <label>Signed in as
      <select name="as" data-autosubmit>
        ${names.map((name) => html`<option value="${name}"${name === user.name ? html` selected` : ''}>${name}</option>`)}
      </select>
    </label>
    <span class="role" data-testid="current-user">${user.displayName}${user.isAdmin ? ' (workspace admin)' : ' (member)'}</span>
    <noscript><button type="submit">Switch</button></noscript>
  </form>
</header>
<main class="page">${body}</main>
<div id="flags" class="flags" aria-live="polite"></div>
</body>
</html>
`.value;
}
