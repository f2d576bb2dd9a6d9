/**
 * The tags the chosen configuration builds, as getRunParameters reported them, and what to tell the user when
 * tags cannot be offered although the configuration may build them.
 */
import { HelperMessage } from '@atlaskit/form';
import type { RunTagsView, TagView } from '../../../src/shared/schemas';
import type { RunParametersState } from './use-run-parameters';

const tagsOf = (state: RunParametersState): RunTagsView | undefined => (state.status === 'ready' ? state.data.tags : undefined);

export function offeredTags(state: RunParametersState): TagView[] {
  const tags = tagsOf(state);
  return tags?.state === 'covered' ? tags.tags : [];
}

/** A tag chosen for another configuration is not one this configuration builds. */
export const chosenTag = (name: string | null, state: RunParametersState): TagView | undefined =>
  name === null ? undefined : offeredTags(state).find((tag) => tag.name === name);

function noteFor(tags: RunTagsView): string | null {
  switch (tags.state) {
    case 'covered':
      if (tags.tags.length === 0)
        return 'This configuration builds tags, but none of this repository’s tags match its branch specification.';
      return tags.truncated ? 'Tags: the repository’s newest ones that this configuration builds.' : null;
    case 'unreadable':
      return 'This configuration builds tags, but Bitbucket’s list of tags could not be read. Reopen the dialog to try again.';
    case 'unknown':
      return 'TeamCity doesn’t show this configuration’s VCS settings to your token, so its tags can’t be offered.';
    case 'not_covered':
      return null;
  }
}

export function TagsNote({ state }: { state: RunParametersState }) {
  const tags = tagsOf(state);
  const note = tags === undefined ? null : noteFor(tags);
  return note === null ? null : (
    <div data-testid="tags-note">
      <HelperMessage>{note}</HelperMessage>
    </div>
  );
}
