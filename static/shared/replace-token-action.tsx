/** For errors a new token fixes (TeamCity rejected it, or it is gone): the way to the page that replaces it. */
import { SectionMessageAction } from '@atlaskit/section-message';
import type { AppError } from '../../src/shared/result';
import { openPersonalSettings } from './personal-settings-link';

export const needsNewToken = (error: AppError): boolean => error.code === 'unauthorized' || error.code === 'token_not_found';

export function ReplaceTokenAction({ settingsPath }: { settingsPath: string }) {
  return (
    <SectionMessageAction onClick={() => openPersonalSettings(settingsPath)} testId="replace-token">
      Replace token
    </SectionMessageAction>
  );
}
