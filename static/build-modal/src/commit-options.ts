/**
 * The commit picker's choices: the branch's newest commits as "abc1234 · summary", with who and when in a note
 * ("Alice · 3 hours ago"). `now` is a parameter, so the wording is testable and does not drift while the list is open.
 */
import type { RecentCommitView } from '../../../src/shared/schemas';
import { formatRelativeTime, type TimeFormatOptions } from '../../shared/relative-time';

export type CommitOption = { label: string; value: string; note?: string };

/** How Bitbucket shows a commit; a typed hash this long or longer finds its commit in the list. */
const SHORT_HASH_LENGTH = 7;

export function commitOptions(
  commits: readonly RecentCommitView[],
  now: Date,
  pullRequestHead: string | undefined,
  time: TimeFormatOptions = {},
): CommitOption[] {
  const head = pullRequestHead?.toLowerCase();
  return commits.map((commit, i) => {
    const short = commit.hash.slice(0, SHORT_HASH_LENGTH);
    const note = [
      i === 0 && 'Latest',
      head !== undefined && commit.hash.startsWith(head) && 'Pull request head',
      commit.author,
      commit.date !== undefined && formatRelativeTime(commit.date, now, time),
    ]
      .filter((part): part is string => typeof part === 'string' && part !== '')
      .join(' · ');
    return { label: commit.summary ? `${short} · ${commit.summary}` : short, value: commit.hash, ...(note && { note }) };
  });
}

/** The option a chosen or typed hash stands for, or the hash on its own when the list does not have it. */
export function findCommitOption(options: readonly CommitOption[], commit: string): CommitOption {
  const typed = commit.toLowerCase();
  const listed = typed.length >= SHORT_HASH_LENGTH ? options.find((o) => o.value.startsWith(typed)) : undefined;
  return listed ?? { label: commit, value: commit };
}
