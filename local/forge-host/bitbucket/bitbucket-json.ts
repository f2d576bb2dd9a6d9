/** The demo data in the JSON shapes of the Bitbucket Cloud REST API 2.0. */
import { headCommit } from './demo-heads';
import { demoUser, type DemoPullRequest, type DemoRepository, type DemoUser, type DemoWorkspace } from './demo-data';

const WEB = 'https://bitbucket.org';
const API = 'https://api.bitbucket.org/2.0';
const CREATED_ON = '2024-03-01T09:00:00.000000+00:00';

export function workspaceJson(ws: DemoWorkspace) {
  return {
    type: 'workspace',
    uuid: ws.uuid,
    slug: ws.slug,
    name: ws.name,
    is_private: true,
    links: { html: { href: `${WEB}/${ws.slug}/` }, self: { href: `${API}/workspaces/${ws.slug}` } },
  };
}

export function userJson(user: DemoUser) {
  return {
    type: 'user',
    uuid: user.uuid,
    account_id: user.accountId,
    display_name: user.displayName,
    nickname: user.name,
    links: { html: { href: `${WEB}/${user.uuid}/` } },
  };
}

function repositoryRef(ws: DemoWorkspace, repo: DemoRepository) {
  return {
    type: 'repository',
    uuid: repo.uuid,
    name: repo.name,
    full_name: `${ws.slug}/${repo.slug}`,
    links: { html: { href: `${WEB}/${ws.slug}/${repo.slug}` } },
  };
}

export function repositoryJson(ws: DemoWorkspace, repo: DemoRepository) {
  return {
    ...repositoryRef(ws, repo),
    slug: repo.slug,
    description: repo.description,
    scm: 'git',
    is_private: true,
    language: '',
    created_on: CREATED_ON,
    updated_on: CREATED_ON,
    mainbranch: { type: 'branch', name: repo.mainBranch },
    workspace: { type: 'workspace', uuid: ws.uuid, slug: ws.slug, name: ws.name },
    links: {
      html: { href: `${WEB}/${ws.slug}/${repo.slug}` },
      self: { href: `${API}/repositories/${ws.slug}/${repo.slug}` },
      clone: [
        { name: 'https', href: `${WEB}/${ws.slug}/${repo.slug}.git` },
        { name: 'ssh', href: `git@bitbucket.org:${ws.slug}/${repo.slug}.git` },
      ],
    },
  };
}

export function branchJson(ws: DemoWorkspace, repo: DemoRepository, name: string) {
  return {
    type: 'branch',
    name,
    target: {
      type: 'commit',
      hash: headCommit(ws.slug, repo.slug, name),
      date: CREATED_ON,
      message: `Latest change on ${name}\n`,
      repository: repositoryRef(ws, repo),
    },
    links: { html: { href: `${WEB}/${ws.slug}/${repo.slug}/branch/${name}` } },
  };
}

function endpoint(ws: DemoWorkspace, repo: DemoRepository, branch: string) {
  return {
    branch: { name: branch },
    // Bitbucket gives a pull request's commits as 12-character short hashes.
    commit: { type: 'commit', hash: headCommit(ws.slug, repo.slug, branch).slice(0, 12) },
    repository: repositoryRef(ws, repo),
  };
}

export function pullRequestJson(ws: DemoWorkspace, repo: DemoRepository, pr: DemoPullRequest) {
  return {
    type: 'pullrequest',
    id: pr.id,
    title: pr.title,
    description: pr.description,
    state: 'OPEN',
    author: userJson(demoUser(pr.author)),
    source: endpoint(ws, repo, pr.source),
    destination: endpoint(ws, repo, pr.destination),
    close_source_branch: false,
    comment_count: 0,
    task_count: 0,
    created_on: CREATED_ON,
    updated_on: CREATED_ON,
    links: { html: { href: `${WEB}/${ws.slug}/${repo.slug}/pull-requests/${pr.id}` } },
  };
}

/** Bitbucket calls workspace admins "owner"; everyone else here is a "member". */
export function membershipJson(ws: DemoWorkspace, user: DemoUser) {
  return {
    type: 'workspace_membership',
    permission: user.isAdmin ? 'owner' : 'member',
    user: userJson(user),
    workspace: workspaceJson(ws),
  };
}

/** GET /2.0/repositories/{ws}/{repo}/commit/{node}, for the commits this host knows: the branch heads. */
export function commitJson(ws: DemoWorkspace, repo: DemoRepository, node: string) {
  const hash = repo.branches
    .map((b) => headCommit(ws.slug, repo.slug, b))
    .find((h) => node.length >= 7 && h.startsWith(node.toLowerCase()));
  if (!hash) return undefined;
  return {
    type: 'commit',
    hash,
    date: CREATED_ON,
    message: 'Latest change\n',
    repository: repositoryRef(ws, repo),
    links: { html: { href: `${WEB}/${ws.slug}/${repo.slug}/commits/${hash}` } },
  };
}
