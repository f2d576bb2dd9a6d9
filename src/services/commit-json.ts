/**
 * Reads Bitbucket Cloud's list of commits (GET .../commits, a `paginated_changeset` whose `values` are commits:
 * `hash`, `date`, `message`, `summary.raw`, `author: { raw, user? }`) into what the commit picker shows. Bitbucket
 * passes on what git recorded, which anyone who can push wrote: every text is cleaned and bounded here, and the
 * author's e-mail address (git's `Name <email>` in `author.raw`) never leaves.
 */
import type { RecentCommitView } from '../shared/schemas';
import { bound } from '../teamcity/teamcity-redact';
import { obj } from './repository-json';

export const MAX_RECENT_COMMITS = 20;
const MAX_SUMMARY_LENGTH = 200;
const MAX_AUTHOR_LENGTH = 100;
const FULL_HASH = /^[0-9a-f]{40}$/i;
// Control characters and the bidirectional overrides that would make a line read differently than it is.
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;
const EMAIL = /\S*@\S*/g;

const clean = (text: string, max: number): string => bound(text.replace(UNPRINTABLE, ' ').replace(/\s+/g, ' ').trim(), max);

/** Git's summary: the message's first line that is not blank. */
function summaryOf(commit: Record<string, unknown>): string {
  const message = typeof commit.message === 'string' ? commit.message : obj(commit.summary)?.raw;
  const first = typeof message === 'string' ? message.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') : undefined;
  return first === undefined ? '' : clean(first, MAX_SUMMARY_LENGTH);
}

/** The Bitbucket user's name, else the name git recorded; an address is dropped wherever it stands. */
function authorOf(commit: Record<string, unknown>): string | undefined {
  const author = obj(commit.author);
  const displayName = obj(author?.user)?.display_name;
  const raw = typeof author?.raw === 'string' ? author.raw.split('<')[0] : undefined;
  const name = typeof displayName === 'string' && displayName.trim() !== '' ? displayName : raw;
  const shown = name === undefined ? '' : clean(name.replace(EMAIL, ' '), MAX_AUTHOR_LENGTH);
  return shown === '' ? undefined : shown;
}

function dateOf(commit: Record<string, unknown>): string | undefined {
  const ms = typeof commit.date === 'string' ? Date.parse(commit.date) : NaN;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/** The page's commits in Bitbucket's order (newest first), at most MAX_RECENT_COMMITS; one without a full hash is left out. */
export function recentCommitsOf(page: unknown): RecentCommitView[] {
  const values = obj(page)?.values;
  const commits: RecentCommitView[] = [];
  const seen = new Set<string>();
  for (const value of Array.isArray(values) ? values : []) {
    const commit = obj(value);
    const hash = typeof commit?.hash === 'string' && FULL_HASH.test(commit.hash) ? commit.hash.toLowerCase() : undefined;
    if (!commit || hash === undefined || seen.has(hash)) continue;
    seen.add(hash);
    const author = authorOf(commit);
    const date = dateOf(commit);
    commits.push({ hash, summary: summaryOf(commit), ...(author !== undefined && { author }), ...(date !== undefined && { date }) });
    if (commits.length === MAX_RECENT_COMMITS) break;
  }
  return commits;
}
