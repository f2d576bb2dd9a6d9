/**
 * The emulated Bitbucket Cloud REST API that `requestBitbucket` reaches through `__forge_fetch__`.
 * `actingUser` is the user for `asUser()` calls and undefined for app calls.
 */
import { DEMO_WORKSPACE, KNOWN_USERS, demoUser, findRepository, findWorkspace, type DemoUser } from './demo-data';
import { branchJson, commitJson, membershipJson, pullRequestJson, repositoryJson, userJson, workspaceJson } from './bitbucket-json';
import { filterByQuery, paginate } from './bitbucket-paging';

type Route = { pattern: RegExp; answer: (params: string[], url: URL, actingUser: DemoUser | undefined) => Response };

const reply = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const notFound = (message: string) => reply(404, { type: 'error', error: { message } });
const SEGMENT = '([^/]+)';

const routes: Route[] = [
  {
    pattern: /^\/2\.0\/user$/,
    answer: (_p, _u, user) =>
      user ? reply(200, userJson(user)) : reply(401, { type: 'error', error: { message: 'This API is only accessible with a user.' } }),
  },
  {
    pattern: /^\/2\.0\/user\/permissions\/workspaces$/,
    answer: (_p, url, user) =>
      user
        ? reply(200, paginate(filterByQuery([membershipJson(DEMO_WORKSPACE, user)], url.searchParams.get('q')), url))
        : reply(401, { type: 'error', error: { message: 'This API is only accessible with a user.' } }),
  },
  {
    // The caller's own role in one workspace; 404 for a workspace they are not in (here: one that does not exist).
    pattern: new RegExp(`^/2\\.0/user/workspaces/${SEGMENT}/permission$`),
    answer: ([ws], _url, user) =>
      user
        ? withWorkspace(ws!, (w) => reply(200, membershipJson(w, user)))
        : reply(401, { type: 'error', error: { message: 'This API is only accessible with a user.' } }),
  },
  {
    pattern: new RegExp(`^/2\\.0/workspaces/${SEGMENT}$`),
    answer: ([ws]) => withWorkspace(ws!, (w) => reply(200, workspaceJson(w))),
  },
  {
    pattern: new RegExp(`^/2\\.0/workspaces/${SEGMENT}/permissions$`),
    answer: ([ws], url, user) =>
      withWorkspace(ws!, (w) => {
        const members = new Map<string, DemoUser>(KNOWN_USERS.map((name) => [name, demoUser(name)]));
        if (user) members.set(user.name, user);
        const memberships = [...members.values()].map((m) => membershipJson(w, m));
        return reply(200, paginate(filterByQuery(memberships, url.searchParams.get('q')), url));
      }),
  },
  {
    pattern: new RegExp(`^/2\\.0/repositories/${SEGMENT}$`),
    answer: ([ws], url) =>
      withWorkspace(ws!, (w) =>
        reply(
          200,
          paginate(
            filterByQuery(
              w.repositories.map((r) => repositoryJson(w, r)),
              url.searchParams.get('q'),
            ),
            url,
          ),
        ),
      ),
  },
  {
    pattern: new RegExp(`^/2\\.0/repositories/${SEGMENT}/${SEGMENT}$`),
    answer: ([ws, repo]) => withRepository(ws!, repo!, (w, r) => reply(200, repositoryJson(w, r))),
  },
  {
    pattern: new RegExp(`^/2\\.0/repositories/${SEGMENT}/${SEGMENT}/refs/branches$`),
    answer: ([ws, repo], url) =>
      withRepository(ws!, repo!, (w, r) =>
        reply(
          200,
          paginate(
            filterByQuery(
              r.branches.map((b) => branchJson(w, r, b)),
              url.searchParams.get('q'),
            ),
            url,
          ),
        ),
      ),
  },
  {
    pattern: new RegExp(`^/2\\.0/repositories/${SEGMENT}/${SEGMENT}/refs/branches/(.+)$`),
    answer: ([ws, repo, branch]) =>
      withRepository(ws!, repo!, (w, r) =>
        r.branches.includes(branch!) ? reply(200, branchJson(w, r, branch!)) : notFound(`Branch "${branch}" does not exist.`),
      ),
  },
  {
    pattern: new RegExp(`^/2\\.0/repositories/${SEGMENT}/${SEGMENT}/pullrequests$`),
    answer: ([ws, repo], url) =>
      withRepository(ws!, repo!, (w, r) =>
        reply(
          200,
          paginate(
            filterByQuery(
              r.pullRequests.map((pr) => pullRequestJson(w, r, pr)),
              url.searchParams.get('q'),
            ),
            url,
          ),
        ),
      ),
  },
  {
    pattern: new RegExp(`^/2\\.0/repositories/${SEGMENT}/${SEGMENT}/pullrequests/(\\d+)$`),
    answer: ([ws, repo, id]) =>
      withRepository(ws!, repo!, (w, r) => {
        const pr = r.pullRequests.find((p) => p.id === Number(id));
        return pr ? reply(200, pullRequestJson(w, r, pr)) : notFound(`Pull request ${id} not found.`);
      }),
  },
  {
    pattern: new RegExp(`^/2\\.0/repositories/${SEGMENT}/${SEGMENT}/commit/([0-9a-fA-F]{7,40})$`),
    answer: ([ws, repo, node]) =>
      withRepository(ws!, repo!, (w, r) => {
        const commit = commitJson(w, r, node!);
        return commit ? reply(200, commit) : notFound(`Commit ${node} not found.`);
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

export function handleBitbucketRequest(path: string, init: RequestInit | undefined, actingUser: DemoUser | undefined): Response {
  const method = (init?.method ?? 'GET').toUpperCase();
  if (method !== 'GET') return reply(405, { type: 'error', error: { message: `${method} is not emulated locally.` } });
  const url = new URL(path, 'https://api.bitbucket.org');
  for (const route of routes) {
    const match = route.pattern.exec(url.pathname);
    if (match) {
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
