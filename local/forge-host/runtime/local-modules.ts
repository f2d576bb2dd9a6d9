/** The app's UI modules as the local host renders them (keys mirror the manifest's module keys). */
export type ExtensionType = 'bitbucket:workspacePersonalSettingsPage' | 'bitbucket:repoCodeOverviewAction' | 'bitbucket:repoPullRequestAction';
export type LocalModule = { key: string; type: ExtensionType; resource: string; title: string; closable: boolean };

export const LOCAL_MODULES: readonly LocalModule[] = [
  { key: 'teamcity-personal-settings', type: 'bitbucket:workspacePersonalSettingsPage', resource: 'settings-page', title: 'TeamCity', closable: false },
  { key: 'teamcity-run-build-repo', type: 'bitbucket:repoCodeOverviewAction', resource: 'build-modal', title: 'Run TeamCity build', closable: true },
  { key: 'teamcity-run-build-pr', type: 'bitbucket:repoPullRequestAction', resource: 'build-modal', title: 'Run TeamCity build', closable: true },
];

export const moduleByKey = (key: string) => LOCAL_MODULES.find((m) => m.key === key);
export const moduleByType = (type: string) => LOCAL_MODULES.find((m) => m.type === type);
