/**
 * Why a build did not start, in the backend's words. A rejected token gets the way to replace it; a
 * missing permission is TeamCity's own message, as is.
 */
import { Stack } from '@atlaskit/primitives/compiled';
import SectionMessage from '@atlaskit/section-message';
import type { AppError } from '../../../src/shared/result';
import { needsNewToken, ReplaceTokenAction } from './replace-token-action';
import { SETTINGS_DIRECTIONS } from './settings-link-button';

const TITLES: Partial<Record<AppError['code'], string>> = {
  unauthorized: 'TeamCity didn’t accept your access token',
  forbidden: 'You don’t have permission to run this build',
  token_not_found: 'Your TeamCity token is gone',
  invalid_input: 'Check the build settings',
};

export function TriggerErrorMessage({ error, settingsPath }: { error: AppError; settingsPath: string | null }) {
  const needsToken = needsNewToken(error);
  return (
    <div role="alert">
      <SectionMessage
        appearance="error"
        title={TITLES[error.code] ?? 'The build didn’t start'}
        testId="trigger-error"
        actions={needsToken && settingsPath ? <ReplaceTokenAction settingsPath={settingsPath} /> : undefined}
      >
        <Stack space="space.050">
          <span data-testid="trigger-error-message">{error.message}</span>
          {needsToken && !settingsPath && <span>{SETTINGS_DIRECTIONS}</span>}
        </Stack>
      </SectionMessage>
    </div>
  );
}
