/**
 * What most runs do not need: parameters, a comment, queue position and a clean checkout. Collapsed by
 * default behind a disclosure button; it opens by itself when one of its fields has an error.
 */
import type { ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import { Checkbox } from '@atlaskit/checkbox';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import ChevronDownIcon from '@atlaskit/icon/core/chevron-down';
import ChevronRightIcon from '@atlaskit/icon/core/chevron-right';
import { Box, Stack } from '@atlaskit/primitives/compiled';
import TextArea from '@atlaskit/textarea';
import { designToken } from '../../shared/design-token';

export type RunOptions = { comment: string; queueAtTop: boolean; cleanCheckout: boolean };

export type MoreOptionsProps = {
  isOpen: boolean;
  onToggle: () => void;
  options: RunOptions;
  commentProblem: string | null;
  parameters: ReactNode;
  prContext: ReactNode;
  onChange: (options: RunOptions) => void;
};

export function MoreOptions({ isOpen, onToggle, options, commentProblem, parameters, prContext, onChange }: MoreOptionsProps) {
  return (
    <Stack space="space.100">
      <Box>
        <Button
          appearance="subtle"
          iconBefore={isOpen ? ChevronDownIcon : ChevronRightIcon}
          aria-expanded={isOpen}
          aria-controls="more-options"
          onClick={onToggle}
          testId="more-options-toggle"
        >
          More options
        </Button>
      </Box>
      {isOpen && (
        <Box
          id="more-options"
          paddingInlineStart="space.300"
          style={{
            borderInlineStart: `${designToken('border.width.selected')} solid ${designToken('color.border')}`,
          }}
        >
          <Stack space="space.200">
            {parameters}
            <Stack space="space.050">
              <Label htmlFor="build-comment">Comment</Label>
              <TextArea
                id="build-comment"
                value={options.comment}
                minimumRows={2}
                resize="vertical"
                isInvalid={commentProblem !== null}
                aria-describedby={commentProblem ? 'build-comment-error build-comment-helper' : 'build-comment-helper'}
                testId="build-comment"
                onChange={(event) => onChange({ ...options, comment: event.currentTarget.value })}
              />
              <div id="build-comment-helper">
                <HelperMessage>Why you are running this build. TeamCity shows it with the build.</HelperMessage>
              </div>
              {commentProblem && (
                <div id="build-comment-error">
                  <ErrorMessage>{commentProblem}</ErrorMessage>
                </div>
              )}
            </Stack>
            <Stack space="space.050">
              <Checkbox
                label="Put the build at the top of the queue"
                isChecked={options.queueAtTop}
                testId="queue-at-top"
                onChange={(event) => onChange({ ...options, queueAtTop: event.currentTarget.checked })}
              />
              <Checkbox
                label="Clean checkout (delete all files in the checkout directory before the build)"
                isChecked={options.cleanCheckout}
                testId="clean-checkout"
                onChange={(event) => onChange({ ...options, cleanCheckout: event.currentTarget.checked })}
              />
            </Stack>
            {prContext}
          </Stack>
        </Box>
      )}
    </Stack>
  );
}
