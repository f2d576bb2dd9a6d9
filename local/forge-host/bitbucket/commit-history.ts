/**
 * A branch's commits in the shape of Bitbucket's commit list (GET .../commits/{revision}, a paginated_changeset's
 * values): message, author and date are derived from the commit alone, so a push adds a commit without changing
 * the ones before it, and every run of the host shows the same history. Times count from a fixed base, never
 * from the wall clock.
 */
import { historyOf } from './branch-heads';
import { KNOWN_USERS, demoUser, type DemoRepository, type DemoWorkspace } from './demo-data';
import { userJson } from './bitbucket-json';

const WEB = 'https://bitbucket.org';
const API = 'https://api.bitbucket.org/2.0';
/** The oldest commit of every branch; each later one a day and two hours after the one before it. */
const FIRST_COMMIT_AT = Date.parse('2024-03-01T09:00:00Z');
const COMMIT_INTERVAL_MS = 26 * 3_600_000;

/** Some multi-line, as git messages are: the list shows only their first line. */
const MESSAGES = [
  'Fix the flaky login test\n\nThe session cookie was read before the server had set it.\n',
  'Bump dependencies\n',
  'Add a dark mode toggle to the header\n',
  'Cache dependencies between build steps\n\nCuts about a minute off every build.\n',
  'Handle empty search results\n',
  'Split the settings form into sections\n',
  'Document the release checklist\n',
];

/** Git records whoever committed; a committer without a Bitbucket account has only the raw `Name <email>`. */
const UNLINKED_AUTHOR = 'Release Bot <release-bot@acme.example>';

const pick = (hash: string, from: number, count: number) => parseInt(hash.slice(from, from + 6), 16) % count;
/** Bitbucket writes commit dates with an offset (`+00:00`), not `Z`. */
const bitbucketDate = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

function authorJson(hash: string) {
  if (pick(hash, 6, 5) === 0) return { type: 'author', raw: UNLINKED_AUTHOR };
  const user = demoUser(KNOWN_USERS[pick(hash, 12, KNOWN_USERS.length)]!);
  return { type: 'author', raw: `${user.displayName} <${user.name}@acme.example>`, user: userJson(user) };
}

function commitJson(ws: DemoWorkspace, repo: DemoRepository, hash: string, parent: string | undefined, age: number) {
  const message = MESSAGES[pick(hash, 0, MESSAGES.length)]!;
  const links = (h: string) => ({
    self: { href: `${API}/repositories/${ws.slug}/${repo.slug}/commit/${h}` },
    html: { href: `${WEB}/${ws.slug}/${repo.slug}/commits/${h}` },
  });
  return {
    type: 'commit',
    hash,
    date: bitbucketDate(FIRST_COMMIT_AT + age * COMMIT_INTERVAL_MS),
    author: authorJson(hash),
    message,
    summary: { type: 'rendered', raw: message, markup: 'markdown', html: `<p>${message.split('\n')[0]}</p>` },
    parents: parent === undefined ? [] : [{ type: 'commit', hash: parent, links: links(parent) }],
    repository: { type: 'repository', uuid: repo.uuid, name: repo.name, full_name: `${ws.slug}/${repo.slug}` },
    links: links(hash),
  };
}

/** The branch's commits, newest first; undefined for a branch the repository does not have. */
export function commitHistoryJson(ws: DemoWorkspace, repo: DemoRepository, branch: string) {
  if (!repo.branches.includes(branch)) return undefined;
  const history = historyOf(ws.slug, repo.slug, branch);
  return history.map((hash, i) => commitJson(ws, repo, hash, history[i + 1], history.length - 1 - i));
}
