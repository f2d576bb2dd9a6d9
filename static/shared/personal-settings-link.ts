/**
 * Opens the app's "TeamCity" page in the user's personal settings, where tokens are added and replaced.
 * It is a Bitbucket page, so it replaces the current one (router.navigate) rather than opening a tab.
 */
import { useEffect, useState } from 'react';
import { router } from './forge-bridge';
import { getContext } from './forge-view';
import { personalSettingsPath, type ForgeLocation } from './personal-settings-url';

export function usePersonalSettingsPath(workspaceSlug: string | undefined): string | null {
  const [location, setLocation] = useState<ForgeLocation | null>(null);
  useEffect(() => {
    let current = true;
    getContext()
      .then((context) => current && setLocation({ localId: context.localId, environmentType: context.environmentType }))
      .catch(() => current && setLocation({}));
    return () => {
      current = false;
    };
  }, []);
  return workspaceSlug && location ? personalSettingsPath(workspaceSlug, location) : null;
}

export function openPersonalSettings(path: string): void {
  // Outside Forge there is no host page to move; the path is relative to Bitbucket, not to this frame.
  router.navigate(path).catch(() => undefined);
}
