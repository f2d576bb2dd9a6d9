/**
 * Tags in the run dialog: which of the repository's tags a configuration builds (tag-branches.ts decides from
 * the VCS roots TeamCity sent), and the message for a tag run TeamCity would not build as asked.
 */
import { fail, ok, type Result } from '../shared/result';
import type { RunTagsView } from '../shared/schemas';
import { TAG_PAGE, type RepositoryTag, type TagLookup } from './repository-tags';
import type { TagCoverage } from './tag-branches';

/** Bitbucket is only asked when the configuration builds tags at all. */
export async function runTagsView(coverage: TagCoverage, readTags: () => Promise<RepositoryTag[] | undefined>): Promise<RunTagsView> {
  if (coverage.state !== 'covered') return { state: coverage.state };
  const tags = await readTags();
  if (tags === undefined) return { state: 'unreadable' };
  const built = tags.flatMap((tag) => {
    const branchName = coverage.branchOf(tag.name);
    return branchName === undefined ? [] : [{ ...tag, branchName }];
  });
  return { state: 'covered', tags: built, truncated: tags.length >= TAG_PAGE };
}

const quoted = (text: string) => `"${text.slice(0, 100)}"`;

/** The tag a run names, or why it cannot be built: missing from the repository, or Bitbucket not answering. */
export function foundTag(lookup: TagLookup, name: string): Result<RepositoryTag> {
  if (lookup.state === 'found') return ok(lookup.tag);
  if (lookup.state === 'missing') {
    return fail(
      'invalid_input',
      `This repository has no tag ${quoted(name)} in Bitbucket. Check the name, or build a branch instead.`,
      'tag',
    );
  }
  return fail(
    'internal_error',
    `Bitbucket didn't say which commit the tag ${quoted(name)} names, so nothing was sent to TeamCity. Try again.`,
  );
}

/** TeamCity's branch name for `tag` in `configuration`, or why the configuration would not build it. */
export function tagBranch(coverage: TagCoverage, configuration: string, tag: string): Result<string> {
  if (coverage.state === 'covered') {
    const branch = coverage.branchOf(tag);
    if (branch !== undefined) return ok(branch);
    return fail(
      'invalid_input',
      `${quoted(configuration)} doesn't build the tag ${quoted(tag)}: its branch specification leaves it out. Choose another tag, or build a branch.`,
      'tag',
    );
  }
  if (coverage.state === 'unknown') {
    return fail(
      'invalid_input',
      `TeamCity doesn't show ${quoted(configuration)}'s VCS settings to your token, so the app can't tell whether it builds tags. Build a branch, or ask a TeamCity admin for "View build configuration settings" in its project.`,
      'tag',
    );
  }
  return fail(
    'invalid_input',
    `${quoted(configuration)} doesn't build tags: none of its VCS roots has "Use tags as branches" on with a branch specification rule such as +:refs/tags/*. Build a branch instead.`,
    'tag',
  );
}
