/**
 * An exact commit of the branch to build, chosen from the branch's newest commits or typed as a hash; empty builds
 * the branch's latest commit. The list is a convenience: when Bitbucket cannot send it, a typed hash still works.
 */
import { useMemo } from 'react';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import { Stack, Text } from '@atlaskit/primitives/compiled';
import { CreatableSelect } from '@atlaskit/select';
import { commitOptions, findCommitOption, type CommitOption } from './commit-options';
import { optionWithNote } from './option-with-note';
import { useRecentCommits } from './use-recent-commits';

export type CommitFieldProps = {
  value: string;
  /** The branch whose commits to offer; undefined while the branch field has a problem. */
  branch: string | undefined;
  /** The pull request's head commit, when the dialog was opened on one. */
  pullRequestHead: string | undefined;
  error?: string;
  onChange: (commit: string) => void;
};

export function CommitField({ value, branch, pullRequestHead, error, onChange }: CommitFieldProps) {
  const recent = useRecentCommits(branch);
  // "3 hours ago" as of when the list arrived: the wording stays put while the user reads it.
  const options = useMemo(
    () => (recent.status === 'ready' ? commitOptions(recent.commits, new Date(), pullRequestHead) : []),
    [recent, pullRequestHead],
  );
  const helper =
    pullRequestHead !== undefined && value.trim() === pullRequestHead
      ? 'The pull request’s head commit, so the result matches what reviewers and the merge check look at. Clear it to build the branch’s latest commit.'
      : 'A commit hash of this branch (7 to 40 characters), or empty for the branch’s latest commit.';
  const describedBy = ['commit-helper', error && 'commit-error', recent.status === 'error' && 'commit-list-error'].filter(Boolean);
  return (
    <Stack space="space.050">
      <Label htmlFor="commit-field">Commit</Label>
      {/* eslint-disable-next-line @atlaskit/design-system/no-placeholder -- a select shows its placeholder as the empty value ("Select..." without one); the label and helper text below describe the field */}
      <CreatableSelect<CommitOption>
        inputId="commit-field"
        options={options}
        value={value.trim() ? findCommitOption(options, value.trim()) : null}
        onChange={(option) => onChange(option?.value ?? '')}
        onCreateOption={(input) => onChange(input.trim())}
        formatCreateLabel={(input) => `Build commit “${input.trim()}”`}
        isValidNewOption={(input) => input.trim().length > 0}
        isClearable
        isLoading={recent.status === 'loading'}
        loadingMessage={() => 'Loading recent commits…'}
        noOptionsMessage={() =>
          recent.status === 'ready' ? 'No commits on this branch. Type a commit hash.' : 'Type a commit hash of this branch.'
        }
        formatOptionLabel={optionWithNote}
        isInvalid={error !== undefined}
        aria-describedby={describedBy.join(' ')}
        placeholder="Latest commit of the branch"
        menuPlacement="auto"
        maxMenuHeight={220}
        testId="commit-field"
      />
      <div id="commit-helper">
        <HelperMessage>{helper}</HelperMessage>
      </div>
      {recent.status === 'error' && (
        <div id="commit-list-error">
          <Text size="small" color="color.text.warning" testId="commit-list-error">
            {`${recent.error.message} You can still type a commit hash.`}
          </Text>
        </div>
      )}
      {error && (
        <div id="commit-error">
          <ErrorMessage testId="commit-error">{error}</ErrorMessage>
        </div>
      )}
    </Stack>
  );
}
