/** The way to the personal settings page, or plain directions when the context does not give its URL. */
import Button from '@atlaskit/button/new';
import { Text } from '@atlaskit/primitives/compiled';
import { openPersonalSettings } from './personal-settings-link';

export const SETTINGS_DIRECTIONS = 'Open your avatar menu, choose Personal settings, then TeamCity.';

export type SettingsLinkButtonProps = {
  path: string | null;
  label: string;
  appearance?: 'primary' | 'default';
};

export function SettingsLinkButton({ path, label, appearance = 'default' }: SettingsLinkButtonProps) {
  if (!path) return <Text color="color.text.subtle">{SETTINGS_DIRECTIONS}</Text>;
  return (
    <Button appearance={appearance} onClick={() => openPersonalSettings(path)} testId="open-personal-settings">
      {label}
    </Button>
  );
}
