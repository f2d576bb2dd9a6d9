/** Resolver keys of the repository settings page (zod-free, like resolver-functions.ts, for the Custom UI bundle). */
export const REPOSITORY_SETTINGS_FUNCTIONS = {
  getRepositorySettings: 'getRepositorySettings',
  saveRepositorySettings: 'saveRepositorySettings',
  setRepositoryCredential: 'setRepositoryCredential',
  checkRepositoryCredential: 'checkRepositoryCredential',
  removeRepositoryCredential: 'removeRepositoryCredential',
  discoverRepositoryConfigurations: 'discoverRepositoryConfigurations',
} as const;
export type RepositorySettingsResolverKey = (typeof REPOSITORY_SETTINGS_FUNCTIONS)[keyof typeof REPOSITORY_SETTINGS_FUNCTIONS];

/** How many build configurations one repository may list; the merge check reads them all in one request. */
export const MAX_REPOSITORY_CONFIGURATIONS = 50;
/** Changes kept with the settings for "who changed what". */
export const SETTINGS_HISTORY_LENGTH = 20;
