/** The emulated Bitbucket workspace: who is in it, its repositories, branches and pull requests. */
import { accountIdFor, braced, uuidFromSeed } from './demo-ids';

export const DEFAULT_USER = 'demo';
/** Names a visitor may switch to with `?as=`; any other well-formed name is a plain member. */
export const KNOWN_USERS = ['demo', 'alice', 'bob', 'carol'] as const;
const ADMINS = new Set<string>(['demo']);
const USER_NAME = /^[a-z][a-z0-9._-]{0,31}$/;

export type DemoUser = { name: string; displayName: string; accountId: string; uuid: string; isAdmin: boolean };
export type DemoPullRequest = { id: number; title: string; source: string; destination: string; author: string; description: string };
export type DemoRepository = {
  slug: string;
  name: string;
  uuid: string;
  mainBranch: string;
  branches: string[];
  pullRequests: DemoPullRequest[];
  description: string;
};
export type DemoWorkspace = { slug: string; name: string; uuid: string; repositories: DemoRepository[] };

export const isValidUserName = (name: string) => USER_NAME.test(name);

/** Every user the host has seen, so an account id from `asUser(accountId)` maps back to a name. */
const seenUsers = new Map<string, DemoUser>();

export function demoUser(name: string): DemoUser {
  const user: DemoUser = {
    name,
    displayName: name.charAt(0).toUpperCase() + name.slice(1),
    accountId: accountIdFor(name),
    uuid: braced(uuidFromSeed(`user:${name}`)),
    isAdmin: ADMINS.has(name),
  };
  seenUsers.set(user.accountId, user);
  return user;
}

function repository(
  slug: string,
  description: string,
  mainBranch: string,
  branches: string[],
  pullRequests: DemoPullRequest[],
): DemoRepository {
  return {
    slug,
    name: slug,
    uuid: braced(uuidFromSeed(`repository:acme/${slug}`)),
    mainBranch,
    branches: [mainBranch, ...branches],
    pullRequests,
    description,
  };
}

export const DEMO_WORKSPACE: DemoWorkspace = {
  slug: 'acme',
  name: 'Acme',
  uuid: braced(uuidFromSeed('workspace:acme')),
  repositories: [
    repository(
      'webapp',
      'Customer-facing web application',
      'main',
      ['develop', 'feature/login', 'feature/dark-mode', 'release/1.4'],
      [
        {
          id: 1,
          title: 'Add login with SSO',
          source: 'feature/login',
          destination: 'develop',
          author: 'alice',
          description: 'Adds SSO login.',
        },
        {
          id: 2,
          title: 'Release 1.4',
          source: 'develop',
          destination: 'main',
          author: 'demo',
          description: 'Merges develop for the 1.4 release.',
        },
      ],
    ),
    repository(
      'api',
      'Public REST API',
      'main',
      ['develop', 'feature/rate-limits', 'bugfix/timeouts'],
      [
        {
          id: 7,
          title: 'Rate limit the public endpoints',
          source: 'feature/rate-limits',
          destination: 'main',
          author: 'bob',
          description: 'Token bucket per client.',
        },
      ],
    ),
    repository(
      'mobile',
      'iOS and Android apps',
      'master',
      ['develop', 'feature/push-notifications'],
      [
        {
          id: 3,
          title: 'Push notifications',
          source: 'feature/push-notifications',
          destination: 'develop',
          author: 'carol',
          description: 'Adds push notifications.',
        },
      ],
    ),
  ],
};

export function findWorkspace(slug: string): DemoWorkspace | undefined {
  return slug === DEMO_WORKSPACE.slug || slug === DEMO_WORKSPACE.uuid ? DEMO_WORKSPACE : undefined;
}

export function findRepository(workspaceSlug: string, repoSlug: string): DemoRepository | undefined {
  return findWorkspace(workspaceSlug)?.repositories.find((r) => r.slug === repoSlug || r.uuid === repoSlug);
}

export function userByAccountId(accountId: string): DemoUser | undefined {
  KNOWN_USERS.forEach(demoUser);
  return seenUsers.get(accountId);
}
