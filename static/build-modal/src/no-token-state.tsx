/** Shown when the user has no TeamCity token yet: why the app needs one and where to add it. */
import EmptyState from '@atlaskit/empty-state';
import { SettingsLinkButton } from '../../shared/settings-link-button';

export function NoTokenState({ settingsPath }: { settingsPath: string | null }) {
  return (
    <EmptyState
      header="Connect TeamCity to run builds from Bitbucket"
      headingLevel={2}
      description="Add a TeamCity access token in your personal settings. Builds then run as your TeamCity user, with your permissions."
      primaryAction={<SettingsLinkButton path={settingsPath} label="Add a TeamCity token" appearance="primary" />}
      testId="no-token-state"
    />
  );
}
