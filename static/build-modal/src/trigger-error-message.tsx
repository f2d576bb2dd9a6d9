/**
 * Why a build did not start, in the backend's words. A rejected token gets the way to replace it; a
 * missing permission is TeamCity's own message, as is.
 */
import type { AppError } from '../../../src/shared/result';
import { AppErrorMessage } from './app-error-message';

const TITLES: Partial<Record<AppError['code'], string>> = {
  unauthorized: 'TeamCity didn’t accept your access token',
  forbidden: 'You don’t have permission to run this build',
  token_not_found: 'Your TeamCity token is gone',
  invalid_input: 'Check the build settings',
};

export function TriggerErrorMessage({ error, settingsPath }: { error: AppError; settingsPath: string | null }) {
  return (
    <AppErrorMessage
      error={error}
      title={TITLES[error.code] ?? 'The build didn’t start'}
      settingsPath={settingsPath}
      testId="trigger-error"
      headingLevel="h2"
    />
  );
}
