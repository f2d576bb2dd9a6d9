/** The branch to build: the pull request's or repository's branches, or any name typed in. */
import { useMemo } from 'react';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives/compiled';
import { CreatableSelect } from '@atlaskit/select';
import type { PullRequestView, RepositoryView } from '../../../src/shared/schemas';
import { branchGroups, findBranchOption, type BranchOption } from './branch-options';
import { optionWithNote } from './option-with-note';

export type BranchPickerProps = {
  repository: RepositoryView;
  pullRequest: PullRequestView | null;
  value: string;
  error?: string;
  onChange: (branch: string) => void;
};

export function BranchPicker({ repository, pullRequest, value, error, onChange }: BranchPickerProps) {
  const groups = useMemo(() => branchGroups(repository, pullRequest), [repository, pullRequest]);
  return (
    <Stack space="space.050">
      <Label htmlFor="branch-select">Branch</Label>
      {/* eslint-disable-next-line @atlaskit/design-system/no-placeholder -- a select shows its placeholder as the empty value ("Select..." without one); the label and helper text below describe the field */}
      <CreatableSelect<BranchOption>
        inputId="branch-select"
        options={groups}
        value={value ? findBranchOption(groups, value) : null}
        onChange={(option) => option && onChange(option.value)}
        onCreateOption={(input) => onChange(input.trim())}
        formatCreateLabel={(input) => `Build “${input.trim()}”`}
        isValidNewOption={(input) => input.trim().length > 0}
        formatOptionLabel={optionWithNote}
        isInvalid={error !== undefined}
        aria-describedby={error ? 'branch-error branch-helper' : 'branch-helper'}
        placeholder="Choose or type a branch"
        menuPlacement="auto"
        maxMenuHeight={220}
        testId="branch-select"
      />
      <div id="branch-helper">
        <HelperMessage>
          {pullRequest ? 'The pull request’s source branch, unless you choose another.' : 'Choose a branch or type any branch name.'}
        </HelperMessage>
      </div>
      {error && (
        <div id="branch-error">
          <ErrorMessage testId="branch-error">{error}</ErrorMessage>
        </div>
      )}
    </Stack>
  );
}
