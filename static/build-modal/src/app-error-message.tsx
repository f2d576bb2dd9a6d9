/**
 * A backend error in its own words, as an alert. An error a new token fixes (TeamCity rejected it, or it is
 * gone) gets the way to replace it, or directions when the settings page's address is unknown.
 */
import { Stack } from '@atlaskit/primitives/compiled';
import SectionMessage from '@atlaskit/section-message';
import type { AppError } from '../../../src/shared/result';
import { needsNewToken, ReplaceTokenAction } from '../../shared/replace-token-action';
import { SETTINGS_DIRECTIONS } from '../../shared/settings-link-button';

export type AppErrorMessageProps = {
  error: AppError;
  title: string;
  settingsPath: string | null;
  /** The message gets `${testId}-message`. */
  testId: string;
  /** h3 inside the build's panel (under its h2), h2 at the level of the form. */
  headingLevel: 'h2' | 'h3';
};

export function AppErrorMessage({ error, title, settingsPath, testId, headingLevel }: AppErrorMessageProps) {
  const needsToken = needsNewToken(error);
  return (
    <div role="alert">
      <SectionMessage
        appearance="error"
        title={title}
        headingLevel={headingLevel}
        testId={testId}
        actions={needsToken && settingsPath ? <ReplaceTokenAction settingsPath={settingsPath} /> : undefined}
      >
        <Stack space="space.050">
          <span data-testid={`${testId}-message`}>{error.message}</span>
          {needsToken && !settingsPath && <span>{SETTINGS_DIRECTIONS}</span>}
        </Stack>
      </SectionMessage>
    </div>
  );
}
