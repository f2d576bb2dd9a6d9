import { buildWillFail } from './builds';
import type { SimulatorData } from './data';

const HOUR = 3_600_000;

/** Typed parameters in the forms TeamCity writes them (JetBrains' "typed parameters" docs show each form). */
const deployParameters = [
  {
    name: 'env.TARGET',
    value: 'staging',
    rawType: "select data_1='staging' label_1='Staging' data_2='preview' label_2='Preview' display='normal' label='Target environment'",
  },
  {
    name: 'deploy.confirm',
    value: '',
    rawType:
      "text regexp='deploy' validationMessage='Type \"deploy\" to run this build' display='prompt' " +
      "description='Deploys the chosen branch. Type deploy to confirm.' label='Confirmation' validationMode='regex'",
  },
  {
    name: 'deploy.dryRun',
    value: 'false',
    rawType: "checkbox checkedValue='true' uncheckedValue='false' label='Dry run' display='normal'",
  },
  {
    name: 'deploy.regions',
    value: 'eu',
    rawType:
      "select data_1='eu' label_1='Europe' data_2='us' label_2='United States' data_3='ap' multiple='true' valueSeparator='||' label='Regions' display='normal'",
  },
  {
    name: 'deploy.apiKey',
    value: 'stored-secret',
    rawType: "password label='Deploy key' description='Leave empty to use the stored key.' display='normal'",
  },
  { name: 'deploy.internalId', value: 'webapp-42', rawType: "text display='hidden' validationMode='any'" },
  {
    name: 'deploy.owner',
    value: 'platform-team',
    rawType: "text readOnly='true' label='Owning team' display='normal' validationMode='any'",
  },
  {
    name: 'deploy.ticket',
    value: '',
    rawType:
      "text regexp='|[A-Z|]+-|[0-9|]+' validationMode='regex' validationMessage='Use a ticket key such as OPS-123' label='Change ticket' display='normal'",
  },
];
const PR_SPEC = '+:refs/heads/*\n+:refs/pull/(*)/head';

/**
 * Workspace "acme" with repositories webapp, api and mobile, referenced in HTTPS and SSH form with case
 * differences, as real servers hold them. "developer" may run builds in Acme but not in Acme Release;
 * "viewer" may run nothing.
 */
export function seedDemo(data: SimulatorData): void {
  data.addUser({ username: 'admin', password: 'admin', name: 'Administrator', email: 'admin@acme.example', runBuild: 'all' });
  data.addUser({ username: 'developer', password: 'developer', name: 'Dana Developer', email: 'dana@acme.example', runBuild: ['Acme'] });
  data.addUser({ username: 'viewer', password: 'viewer', name: 'Victor Viewer', email: 'victor@acme.example', runBuild: [] });

  data.addProject({ id: 'Acme', name: 'Acme', description: 'Acme products', parameters: [{ name: 'env.COMPANY', value: 'acme' }] });
  data.addProject({ id: 'Acme_Webapp', name: 'Webapp', parentId: 'Acme', description: 'https://bitbucket.org/acme/webapp' });
  data.addProject({ id: 'Acme_Api', name: 'API', parentId: 'Acme' });
  data.addProject({ id: 'Acme_Mobile', name: 'Mobile', parentId: 'Acme' });
  data.addProject({ id: 'AcmeRelease', name: 'Acme Release', description: 'Production releases (restricted)' });
  data.addProject({ id: 'Tools', name: 'Internal Tools' });

  data.addVcsRoot({ id: 'Acme_Webapp_Https', url: 'https://bitbucket.org/acme/webapp.git', projectId: 'Acme_Webapp', branchSpec: PR_SPEC });
  data.addVcsRoot({
    id: 'Acme_Api_Ssh',
    url: 'git@bitbucket.org:acme/api.git',
    projectId: 'Acme_Api',
    branch: 'refs/heads/master',
    branchSpec: PR_SPEC,
  });
  data.addVcsRoot({
    id: 'Acme_Mobile_Https',
    url: 'https://bitbucket.org/Acme/Mobile.git',
    projectId: 'Acme_Mobile',
    branchSpec: '+:refs/heads/*',
  });
  data.addVcsRoot({
    id: 'AcmeRelease_Webapp',
    url: 'git@bitbucket.org:ACME/webapp.git',
    projectId: 'AcmeRelease',
    // Releases are built from release branches and from version tags ("Use tags as branches").
    branchSpec: '+:refs/heads/(release/*)\n+:refs/tags/(v*)',
    tagsAsBranches: true,
  });
  data.addVcsRoot({ id: 'Tools_Github', url: 'https://github.com/acme/tools.git', projectId: 'Tools' });

  const webappParams = [
    { name: 'env.NODE_VERSION', value: '20' },
    { name: 'sim.fail', value: 'false' },
  ];
  data.addBuildType({
    id: 'Acme_Webapp_Build',
    name: 'Build',
    description: 'Compiles and packages the web app',
    projectId: 'Acme_Webapp',
    vcsRootIds: ['Acme_Webapp_Https'],
    parameters: webappParams,
  });
  data.addBuildType({
    id: 'Acme_Webapp_UnitTests',
    name: 'Unit Tests',
    description: 'Jest unit tests',
    projectId: 'Acme_Webapp',
    vcsRootIds: ['Acme_Webapp_Https'],
    parameters: webappParams,
  });
  data.addBuildType({
    id: 'Acme_Webapp_DeployStaging',
    name: 'Deploy to Staging',
    description: 'Deploys to staging.acme.example',
    projectId: 'Acme_Webapp',
    vcsRootIds: ['Acme_Webapp_Https'],
    parameters: deployParameters,
  });
  data.addBuildType({
    id: 'Acme_Api_Build',
    name: 'Build & Test',
    description: 'API build and tests',
    projectId: 'Acme_Api',
    vcsRootIds: ['Acme_Api_Ssh'],
  });
  data.addBuildType({
    id: 'Acme_Api_IntegrationTests',
    name: 'Integration Tests',
    description: 'Paused while the test database is migrated',
    projectId: 'Acme_Api',
    vcsRootIds: ['Acme_Api_Ssh'],
    paused: true,
  });
  data.addBuildType({
    id: 'Acme_Mobile_Android',
    name: 'Android',
    description: 'Android app bundle',
    projectId: 'Acme_Mobile',
    vcsRootIds: ['Acme_Mobile_Https'],
  });
  data.addBuildType({
    id: 'Acme_Mobile_Ios',
    name: 'iOS',
    description: 'iOS app archive',
    projectId: 'Acme_Mobile',
    vcsRootIds: ['Acme_Mobile_Https'],
  });
  data.addBuildType({
    id: 'AcmeRelease_Production',
    name: 'Release to Production',
    description: 'Restricted: release managers only',
    projectId: 'AcmeRelease',
    vcsRootIds: ['AcmeRelease_Webapp'],
    parameters: [{ name: 'release.version', value: '' }],
  });
  data.addBuildType({
    id: 'Tools_Lint',
    name: 'Lint',
    description: 'Lints internal tools',
    projectId: 'Tools',
    vcsRootIds: ['Tools_Github'],
  });

  // Releases wait for a release manager's approval (TeamCity's Build Approval feature); admin is one.
  data.approvals.rules.set('AcmeRelease_Production', {
    users: [],
    groups: [{ key: 'RELEASE_MANAGERS', name: 'Release managers', users: ['admin', 'developer'], required: 1 }],
    timeoutMs: 60 * 60_000,
  });

  seedHistory(data);
}

function seedHistory(data: SimulatorData): void {
  const admin = data.requireUser('admin');
  const now = data.now();
  const history: Array<[string, string, boolean, number]> = [
    ['Acme_Webapp_Build', 'main', true, 30],
    ['Acme_Webapp_Build', 'feature/login-fail', false, 20],
    ['Acme_Webapp_Build', 'main', true, 5],
    ['Acme_Webapp_UnitTests', 'main', true, 6],
    ['Acme_Api_Build', 'master', true, 12],
    ['Acme_Mobile_Android', 'main', true, 3],
  ];
  for (const [buildTypeId, branchName, isDefault, hoursAgo] of history) {
    const bt = data.requireBuildType(buildTypeId);
    const queuedAt = now - hoursAgo * HOUR;
    data.builds.addHistorical({
      buildTypeId,
      branchName,
      defaultBranch: isDefault,
      properties: [],
      triggeredBy: admin,
      queuedAt,
      startAt: queuedAt + 20_000,
      finishAt: queuedAt + 260_000,
      number: String(bt.buildNumberCounter++),
      queueAtTop: false,
      cleanSources: false,
      willFail: buildWillFail(branchName, []),
      failsToStart: false,
    });
  }
}
