/** Maps each request of the local host to its page, asset, resource or bridge call. */
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { findRepository, findWorkspace } from '../bitbucket/demo-data';
import { accountSettingsPage } from '../pages/account-settings-page';
import { homePage } from '../pages/home-page';
import { notFoundPage } from '../pages/not-found-page';
import { pullRequestPage } from '../pages/pull-request-page';
import { repositoryPage } from '../pages/repository-page';
import { workspaceSettingsPage } from '../pages/workspace-settings-page';
import { handleBridgeRequest, type InvokeForUser } from './bridge-endpoints';
import { serveCustomUiResource } from './custom-ui-resources';
import { serveFile } from './file-serving';
import { redirect, sendHtml, sendText } from './responses';
import { applySecurityHeaders } from './security-headers';
import { sessionUser } from './session';
import { isUserNavigation } from './request-origin';
import type { UserConsent } from '../runtime/user-consent';

/** `customUiCsp`: the policy for Custom UI resources, built from the manifest (custom-ui-csp.ts). */
export type RouterDeps = { staticDir: string; invoke: InvokeForUser; customUiCsp: string; consent: UserConsent };

const PUBLIC_DIR = path.join(__dirname, '..', 'public');
const RESOURCE = /^\/__forge\/resources\/([^/]+)(\/.*)?$/;
const REPOSITORY = /^\/([^/_][^/]*)\/([^/]+)\/?$/;
const WORKSPACE_SETTINGS = /^\/([^/_][^/]*)\/workspace\/settings\/teamcity\/?$/;
const PULL_REQUEST = /^\/([^/_][^/]*)\/([^/]+)\/pull-requests\/(\d+)\/?$/;
/** Where Bitbucket serves a Forge workspacePersonalSettingsPage; links from the app use it. */
const FORGE_PERSONAL_SETTINGS = /^\/[^/]+\/workspace\/personal-settings\/forge\/[^/]+\/[^/]+\/teamcity-personal-settings\/?$/;

export function createRouter(deps: RouterDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    applySecurityHeaders(res);
    const url = new URL(req.url ?? '/', 'http://local.invalid');
    const user = sessionUser(req, url, res);
    const pathname = url.pathname;

    if (pathname.startsWith('/__forge/bridge/')) return handleBridgeRequest(req, res, url, user, deps.invoke, deps.consent);
    // `?consent=revoked` starts the consent step over for the signed-in user, like revoking the app's access
    // in the Atlassian account settings.
    if (url.searchParams.get('consent') === 'revoked' && isUserNavigation(req)) deps.consent.revoke(user.accountId);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
    if (pathname === '/__forge/bridge.js') return serveFile(res, PUBLIC_DIR, 'bridge.js');
    if (pathname.startsWith('/__forge/assets/')) return serveFile(res, PUBLIC_DIR, pathname.slice('/__forge/assets/'.length));

    const resource = RESOURCE.exec(pathname);
    if (resource) {
      if (resource[2] === undefined) return redirect(res, `${pathname}/${url.search}`);
      res.setHeader('Content-Security-Policy', deps.customUiCsp);
      return serveCustomUiResource(res, deps.staticDir, resource[1]!, resource[2].slice(1));
    }

    // Browsers ask for it on every page; an empty answer keeps their consoles free of 404s.
    if (pathname === '/favicon.ico') return void res.writeHead(204).end();
    if (pathname === '/') return sendHtml(res, 200, homePage(user));
    if (pathname === '/account/teamcity') return sendHtml(res, 200, accountSettingsPage(user));
    if (FORGE_PERSONAL_SETTINGS.test(pathname)) return redirect(res, '/account/teamcity');

    const settings = WORKSPACE_SETTINGS.exec(pathname);
    if (settings) {
      const ws = findWorkspace(settings[1]!);
      if (ws) return sendHtml(res, 200, workspaceSettingsPage(user, ws));
      return sendHtml(res, 404, notFoundPage(user, `There is no workspace ${settings[1]}.`));
    }

    const pr = PULL_REQUEST.exec(pathname);
    if (pr) {
      const [, wsSlug, repoSlug, id] = pr;
      const ws = findWorkspace(wsSlug!);
      const repo = findRepository(wsSlug!, repoSlug!);
      const pullRequest = repo?.pullRequests.find((p) => p.id === Number(id));
      if (ws && repo && pullRequest) return sendHtml(res, 200, pullRequestPage(user, ws, repo, pullRequest));
      return sendHtml(res, 404, notFoundPage(user, `There is no pull request ${wsSlug}/${repoSlug} #${id}.`));
    }

    const repoMatch = REPOSITORY.exec(pathname);
    if (repoMatch) {
      const [, wsSlug, repoSlug] = repoMatch;
      const ws = findWorkspace(wsSlug!);
      const repo = findRepository(wsSlug!, repoSlug!);
      if (ws && repo) return sendHtml(res, 200, repositoryPage(user, ws, repo, url.searchParams.get('at')));
      return sendHtml(res, 404, notFoundPage(user, `There is no repository ${wsSlug}/${repoSlug}.`));
    }

    return sendHtml(res, 404, notFoundPage(user, `Nothing lives at ${pathname}.`));
  };
}
