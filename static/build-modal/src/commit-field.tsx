/** An exact commit of the branch to build; empty builds the branch's latest commit. */
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives/compiled';
import Textfield from '@atlaskit/textfield';

export type CommitFieldProps = {
  value: string;
  /** The pull request's head commit, when the dialog was opened on one. */
  pullRequestHead: string | undefined;
  error?: string;
  onChange: (commit: string) => void;
};

export function CommitField({ value, pullRequestHead, error, onChange }: CommitFieldProps) {
  const helper =
    pullRequestHead !== undefined && value.trim() === pullRequestHead
      ? 'The pull request’s head commit, so the result matches what reviewers and the merge check look at. Clear it to build the branch’s latest commit.'
      : 'A commit hash of this branch (7 to 40 characters), or empty for the branch’s latest commit.';
  return (
    <Stack space="space.050">
      <Label htmlFor="commit-field">Commit</Label>
      <Textfield
        id="commit-field"
        value={value}
        spellCheck={false}
        autoComplete="off"
        isInvalid={error !== undefined}
        aria-describedby={error ? 'commit-error commit-helper' : 'commit-helper'}
        testId="commit-field"
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      <div id="commit-helper">
        <HelperMessage>{helper}</HelperMessage>
      </div>
      {error && (
        <div id="commit-error">
          <ErrorMessage testId="commit-error">{error}</ErrorMessage>
        </div>
      )}
    </Stack>
  );
}
