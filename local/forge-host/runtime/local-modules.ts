/** The app's UI modules as the local host renders them; keys, types and resources mirror manifest.yml. */
export type ExtensionType =
  | 'bitbucket:workspacePersonalSettingsPage'
  | 'bitbucket:repoCodeOverviewAction'
  | 'bitbucket:repoPullRequestAction'
  | 'bitbucket:workspaceSettingsMenuPage'
  | 'bitbucket:repoSettingsMenuPage'
  | 'bitbucket:repoPullRequestOverviewPanel'
  | 'bitbucket:repoPullRequestCard'
  | 'bitbucket:repoCodeOverviewCard';
export type LocalModule = { key: string; type: ExtensionType; resource: string; title: string; closable: boolean; aliases: string[] };

export const LOCAL_MODULES: readonly LocalModule[] = [
  {
    key: 'teamcity-personal-settings',
    type: 'bitbucket:workspacePersonalSettingsPage',
    resource: 'settings-page',
    title: 'TeamCity',
    closable: false,
    aliases: [],
  },
  // The short aliases were the host's first names for these modules; tests and benchmarks still use them.
  {
    key: 'teamcity-run-build-repository',
    type: 'bitbucket:repoCodeOverviewAction',
    resource: 'build-modal',
    title: 'Run TeamCity build',
    closable: true,
    aliases: ['teamcity-run-build-repo'],
  },
  {
    key: 'teamcity-run-build-pull-request',
    type: 'bitbucket:repoPullRequestAction',
    resource: 'build-modal',
    title: 'Run TeamCity build',
    closable: true,
    aliases: ['teamcity-run-build-pr'],
  },
  {
    key: 'teamcity-workspace-settings',
    type: 'bitbucket:workspaceSettingsMenuPage',
    resource: 'admin-page',
    title: 'TeamCity',
    closable: false,
    aliases: [],
  },
  {
    key: 'teamcity-repository-settings',
    type: 'bitbucket:repoSettingsMenuPage',
    resource: 'repo-settings',
    title: 'TeamCity',
    closable: false,
    aliases: [],
  },
  {
    key: 'teamcity-pull-request-builds',
    type: 'bitbucket:repoPullRequestOverviewPanel',
    resource: 'build-results',
    title: 'TeamCity builds',
    closable: false,
    aliases: [],
  },
  {
    key: 'teamcity-pull-request-card',
    type: 'bitbucket:repoPullRequestCard',
    resource: 'build-results',
    title: 'TeamCity',
    closable: false,
    aliases: [],
  },
  {
    key: 'teamcity-repository-card',
    type: 'bitbucket:repoCodeOverviewCard',
    resource: 'build-results',
    title: 'TeamCity',
    closable: false,
    aliases: [],
  },
];

export const moduleByKey = (key: string) => LOCAL_MODULES.find((m) => m.key === key || m.aliases.includes(key));
export const moduleByType = (type: string) => LOCAL_MODULES.find((m) => m.type === type);
