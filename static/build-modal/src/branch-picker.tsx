/**
 * What to build: the pull request's or repository's branches, any branch name typed in, or one of the tags the
 * chosen configuration builds.
 */
import { useMemo, type ReactNode } from 'react';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives/compiled';
import { CreatableSelect } from '@atlaskit/select';
import type { PullRequestView, RepositoryView, TagView } from '../../../src/shared/schemas';
import { branchGroups, findBranchOption, tagGroup, type BranchOption } from './branch-options';
import { optionWithNote } from './option-with-note';

export type BranchPickerProps = {
  repository: RepositoryView;
  pullRequest: PullRequestView | null;
  value: string;
  /** The chosen tag, shown instead of the branch. */
  tag: TagView | undefined;
  /** Tags the chosen configuration builds; empty when it builds none (or nobody can tell). */
  tags: readonly TagView[];
  /** What to say about tags under the field, if anything. */
  tagsNote: ReactNode;
  error?: string;
  onChange: (change: { branch: string; tag: null } | { tag: string }) => void;
};

export function BranchPicker({ repository, pullRequest, value, tag, tags, tagsNote, error, onChange }: BranchPickerProps) {
  const groups = useMemo(() => [...branchGroups(repository, pullRequest), ...tagGroup(tags)], [repository, pullRequest, tags]);
  const selected = tag ? findBranchOption(groups, tag.name, 'tag') : value ? findBranchOption(groups, value) : null;
  const helper = tag
    ? `The tag’s commit ${tag.commit.slice(0, 12)}, which TeamCity builds as its branch “${tag.branchName}”.`
    : pullRequest
      ? 'The pull request’s source branch, unless you choose another.'
      : tags.length > 0
        ? 'Choose a branch or tag, or type any branch name.'
        : 'Choose a branch or type any branch name.';
  return (
    <Stack space="space.050">
      <Label htmlFor="branch-select">{tags.length > 0 ? 'Branch or tag' : 'Branch'}</Label>
      {/* eslint-disable-next-line @atlaskit/design-system/no-placeholder -- a select shows its placeholder as the empty value ("Select..." without one); the label and helper text below describe the field */}
      <CreatableSelect<BranchOption>
        inputId="branch-select"
        options={groups}
        value={selected}
        onChange={(option) => option && onChange(option.kind === 'tag' ? { tag: option.value } : { branch: option.value, tag: null })}
        onCreateOption={(input) => onChange({ branch: input.trim(), tag: null })}
        formatCreateLabel={(input) => `Build “${input.trim()}”`}
        isValidNewOption={(input) => input.trim().length > 0}
        formatOptionLabel={optionWithNote}
        isInvalid={error !== undefined}
        aria-describedby={error ? 'branch-error branch-helper' : 'branch-helper'}
        placeholder={tags.length > 0 ? 'Choose a branch or tag' : 'Choose or type a branch'}
        menuPlacement="auto"
        maxMenuHeight={220}
        testId="branch-select"
      />
      <div id="branch-helper">
        <HelperMessage>{helper}</HelperMessage>
      </div>
      {tagsNote}
      {error && (
        <div id="branch-error">
          <ErrorMessage testId="branch-error">{error}</ErrorMessage>
        </div>
      )}
    </Stack>
  );
}
