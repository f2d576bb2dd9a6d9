/**
 * Where the "TeamCity" personal settings page lives. Bitbucket puts a Forge
 * `bitbucket:workspacePersonalSettingsPage` at
 * /{workspaceSlug}/workspace/personal-settings/forge/{appId}/{environmentKey}/{moduleKey}
 * (Forge manifest reference). The app id comes from the module's localId
 * (ari:cloud:ecosystem::extension/{appId}/{environmentId}/static/{moduleKey}); the environment key of the
 * standard environments is the lower-cased environment type.
 */
const PERSONAL_SETTINGS_MODULE_KEY = 'teamcity-personal-settings';

export type ForgeLocation = { localId?: string; environmentType?: string };

const LOCAL_ID = /^ari:cloud:ecosystem::extension\/([^/]+)\/([^/]+)\/static\/[^/]+$/;

export function personalSettingsPath(workspaceSlug: string, location: ForgeLocation): string | null {
  const match = LOCAL_ID.exec(location.localId ?? '');
  const appId = match?.[1];
  if (!appId || !location.environmentType || !workspaceSlug) return null;
  const segments = [
    workspaceSlug,
    'workspace',
    'personal-settings',
    'forge',
    appId,
    location.environmentType.toLowerCase(),
    PERSONAL_SETTINGS_MODULE_KEY,
  ];
  return `/${segments.map(encodeURIComponent).join('/')}`;
}
