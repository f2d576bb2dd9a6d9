/**
 * The emulated Bitbucket Cloud REST API that `requestBitbucket` reaches through `__forge_fetch__`.
 * `actingUser` is the user for `asUser()` calls and undefined for app calls.
 */
import { DEMO_WORKSPACE, KNOWN_USERS, demoUser, findRepository, findWorkspace, type DemoUser } from './demo-data';
import { branchJson, membershipJson, pullRequestJson, repositoryJson, userJson, workspaceJson } from './bitbucket-json';
import { filterByQuery, paginate } from './bitbucket-paging';
import { findCommit } from './branch-heads';
import { commitHistoryJson } from './commit-history';
import { commitStatusesJson } from './commit-statuses';
import { repositoryPermissionsJson } from './repository-permissions';
import { tagsJson } from './demo-tags';

/**
 * `scope`: the Forge scope Bitbucket's API reference names for the endpoint (its "Forge app scopes"); a
 * manifest without it gets Bitbucket's 403, whatever the user may see.
 * https://developer.atlassian.com/cloud/bitbucket/rest/intro/#forge-app-and-api-token-scopes
 */
type Route = { pattern: RegExp; scope: string; answer: (params: string[], url: URL, actingUser: DemoUser | undefined) => Response };

const reply = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const notFound = (message: string) => reply(404, { type: 'error', error: { message } });
/** A list endpoint's answer: Bitbucket's `q=` filtering, then page/pagelen paging. */
const listOf = (values: unknown[], url: URL) => reply(200, paginate(filterByQuery(values, url.searchParams.get('q')), url));
const SEGMENT = '([^/]+)';

const routes: Route[] = [
  {
    pattern: /^\/2\.0\/user$/,
    scope: 'read:user:bitbucket',
    answer: (_p, _u, user) =>
      user ? reply(200, userJson(user)) : reply(401, { type: 'error', error: { message: 'This API is only accessible with a user.' } }),
  },
  {
    pattern: /^\/2\.0\/user\/permissions\/workspaces$/,
    scope: 'read:workspace:bitbucket',
    answer: (_p, url, user) =>
      user
        ? listOf([membershipJson(DEMO_WORKSPACE, user)], url)
        : reply(401, { type: 'error', error: { message: 'This API is only accessible with a user.' } }),
  },
  {
    // The caller's own role in one workspace; 404 for a workspace they are not in (here: one that does not exist).
    pattern: new RegExp(`^/2\\.0/user/workspaces/${SEGMENT}/permission$`),
    scope: 'read:workspace:bitbucket',
    answer: ([ws], _url, user) =>
      user
        ? withWorkspace(ws!, (w) => reply(200, membershipJson(w, user)))
        : reply(401, { type: 'error', error: { message: 'This API is only accessible with a user.' } }),
  },
  {
    pattern: new RegExp(`^/2\\.0/user/workspaces/${SEGMENT}/permissions/repositories$`),
    scope: 'read:repository:bitbucket',
    answer: ([ws], url, user) =>
      user
        ? withWorkspace(ws!, (w) => listOf(repositoryPermissionsJson(w, user), url))
        : reply(401, { type: 'error', error: { message: 'This API is only accessible with a user.' } }),
  },
  {
    pattern: new RegExp(`^/2\\.0/repositories/${SEGMENT}/${SEGMENT}/commit/([0-9a-f]{40})/statuses$`),
    scope: 'read:repository:bitbucket',
    answer: ([ws, repo, hash], url) => withRepository(ws!, repo!, () => reply(200, paginate(commitStatusesJson(hash!), url))),
  },
  {
    pattern: new RegExp(`^/2\\.0/repositories/${SEGMENT}/${SEGMENT}/commit/([0-9a-f]{4,40})$`),
    scope: 'read:repository:bitbucket',
    answer: ([ws, repo, hash]) =>
      withRepository(ws!, repo!, (w, r) => {
        const full = findCommit(w.slug, r.slug, r.branches, hash!);
        return full ? reply(200, { type: 'commit', hash: full }) : notFound(`Commit ${hash} not found.`);
      }),
  },
  {
    // A branch's commits, newest first. The app names the branch in `include`: @forge/api's route() refuses a "/"
    // in a path parameter, and Bitbucket is reported not to read an encoded one as a revision (BCLOUD-9969).
    pattern: new RegExp(`^/2\\.0/repositories/${SEGMENT}/${SEGMENT}/commits$`),
    scope: 'read:repository:bitbucket',
    answer: ([ws, repo], url) => commitsOf(ws!, repo!, url.searchParams.get('include'), url),
  },
  {
    pattern: new RegExp(`^/2\\.0/repositories/${SEGMENT}/${SEGMENT}/commits/(.+)$`),
    scope: 'read:repository:bitbucket',
    answer: ([ws, repo, revision], url) => commitsOf(ws!, repo!, revision!, url),
  },
  {
    pattern: new RegExp(`^/2\\.0/workspaces/${SEGMENT}$`),
    scope: 'read:workspace:bitbucket',
    answer: ([ws]) => withWorkspace(ws!, (w) => reply(200, workspaceJson(w))),
  },
  {
    pattern: new RegExp(`^/2\\.0/workspaces/${SEGMENT}/permissions$`),
    scope: 'read:workspace:bitbucket',
    answer: ([ws], url, user) =>
      withWorkspace(ws!, (w) => {
        const members = new Map<string, DemoUser>(KNOWN_USERS.map((name) => [name, demoUser(name)]));
        if (user) members.set(user.name, user);
        const memberships = [...members.values()].map((m) => membershipJson(w, m));
        return listOf(memberships, url);
      }),
  },
  {
    pattern: new RegExp(`^/2\\.0/repositories/${SEGMENT}$`),
    scope: 'read:repository:bitbucket',
    answer: ([ws], url) =>
      withWorkspace(ws!, (w) =>
        listOf(
          w.repositories.map((r) => repositoryJson(w, r)),
          url,
        ),
      ),
  },
  {
    pattern: new RegExp(`^/2\\.0/repositories/${SEGMENT}/${SEGMENT}$`),
    scope: 'read:repository:bitbucket',
    answer: ([ws, repo]) => withRepository(ws!, repo!, (w, r) => reply(200, repositoryJson(w, r))),
  },
  {
    pattern: new RegExp(`^/2\\.0/repositories/${SEGMENT}/${SEGMENT}/refs/branches$`),
    scope: 'read:repository:bitbucket',
    answer: ([ws, repo], url) =>
      withRepository(ws!, repo!, (w, r) =>
        listOf(
          r.branches.map((b) => branchJson(w, r, b)),
          url,
        ),
      ),
  },
  {
    pattern: new RegExp(`^/2\\.0/repositories/${SEGMENT}/${SEGMENT}/refs/branches/(.+)$`),
    scope: 'read:repository:bitbucket',
    answer: ([ws, repo, branch]) =>
      withRepository(ws!, repo!, (w, r) =>
        r.branches.includes(branch!) ? reply(200, branchJson(w, r, branch!)) : notFound(`Branch "${branch}" does not exist.`),
      ),
  },
  {
    // sort=-target.date is the order tagsJson already gives.
    pattern: new RegExp(`^/2\\.0/repositories/${SEGMENT}/${SEGMENT}/refs/tags$`),
    scope: 'read:repository:bitbucket',
    answer: ([ws, repo], url) => withRepository(ws!, repo!, (w, r) => listOf(tagsJson(w, r), url)),
  },
  {
    pattern: new RegExp(`^/2\\.0/repositories/${SEGMENT}/${SEGMENT}/refs/tags/(.+)$`),
    scope: 'read:repository:bitbucket',
    answer: ([ws, repo, name]) =>
      withRepository(ws!, repo!, (w, r) => {
        const tag = tagsJson(w, r).find((t) => t.name === name);
        return tag ? reply(200, tag) : notFound(`Tag "${name}" does not exist.`);
      }),
  },
  {
    pattern: new RegExp(`^/2\\.0/repositories/${SEGMENT}/${SEGMENT}/pullrequests$`),
    scope: 'read:pullrequest:bitbucket',
    answer: ([ws, repo], url) =>
      withRepository(ws!, repo!, (w, r) =>
        listOf(
          r.pullRequests.map((pr) => pullRequestJson(w, r, pr)),
          url,
        ),
      ),
  },
  {
    pattern: new RegExp(`^/2\\.0/repositories/${SEGMENT}/${SEGMENT}/pullrequests/(\\d+)$`),
    scope: 'read:pullrequest:bitbucket',
    answer: ([ws, repo, id]) =>
      withRepository(ws!, repo!, (w, r) => {
        const pr = r.pullRequests.find((p) => p.id === Number(id));
        return pr ? reply(200, pullRequestJson(w, r, pr)) : notFound(`Pull request ${id} not found.`);
      }),
  },
];

function withWorkspace(slug: string, answer: (ws: typeof DEMO_WORKSPACE) => Response): Response {
  const ws = findWorkspace(slug);
  return ws ? answer(ws) : notFound(`Workspace ${slug} not found.`);
}

function withRepository(
  wsSlug: string,
  repoSlug: string,
  answer: (ws: typeof DEMO_WORKSPACE, repo: NonNullable<ReturnType<typeof findRepository>>) => Response,
): Response {
  const ws = findWorkspace(wsSlug);
  const repo = findRepository(wsSlug, repoSlug);
  return ws && repo ? answer(ws, repo) : notFound(`Repository ${wsSlug}/${repoSlug} not found`);
}

/** Only branches name a revision here; without one, Bitbucket lists every branch's commits and this the main branch's. */
const commitsOf = (wsSlug: string, repoSlug: string, revision: string | null, url: URL): Response =>
  withRepository(wsSlug, repoSlug, (w, r) => {
    const commits = commitHistoryJson(w, r, revision ?? r.mainBranch);
    return commits ? reply(200, paginate(commits, url)) : notFound(`No branch, tag or commit named "${revision}".`);
  });

/** Bitbucket's answer to a token without an endpoint's scope. */
const missingScope = (granted: readonly string[], required: string) =>
  reply(403, {
    type: 'error',
    error: {
      message: 'Your credentials lack one or more required privilege scopes.',
      detail: { granted: [...granted].filter((s) => s.endsWith(':bitbucket')), required: [required] },
    },
  });

export function handleBitbucketRequest(
  path: string,
  init: RequestInit | undefined,
  actingUser: DemoUser | undefined,
  grantedScopes: readonly string[],
): Response {
  const method = (init?.method ?? 'GET').toUpperCase();
  if (method !== 'GET') return reply(405, { type: 'error', error: { message: `${method} is not emulated locally.` } });
  const url = new URL(path, 'https://api.bitbucket.org');
  for (const route of routes) {
    const match = route.pattern.exec(url.pathname);
    if (match) {
      if (!grantedScopes.includes(route.scope)) return missingScope(grantedScopes, route.scope);
      let params: string[];
      try {
        params = match.slice(1).map((segment) => decodeURIComponent(segment));
      } catch {
        return notFound('Resource not found');
      }
      return route.answer(params, url, actingUser);
    }
  }
  return notFound(`No emulated Bitbucket endpoint for ${url.pathname}`);
}
