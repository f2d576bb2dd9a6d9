import { BuildStore } from './builds';
import type { Property, SimBuildType, SimProject, SimUser, SimVcsRoot } from './entities';
import { VcsUrlIndex } from './vcs-url-index';
import { ApprovalStore } from './approvals';

export const ROOT_PROJECT_ID = '_Root';

export type AddUserInput = { username: string; password: string; name?: string; email?: string; runBuild?: 'all' | string[] };
export type AddProjectInput = { id: string; name: string; parentId?: string; description?: string; parameters?: Property[] };
export type AddVcsRootInput = {
  id: string;
  url: string;
  projectId: string;
  name?: string;
  branch?: string;
  branchSpec?: string;
  tagsAsBranches?: boolean;
};
export type AddBuildTypeInput = {
  id: string;
  name: string;
  projectId: string;
  description?: string;
  paused?: boolean;
  vcsRootIds?: string[];
  parameters?: Property[];
};

/** The simulator's server state; tests and the demo change it directly. */
export class SimulatorData {
  readonly users = new Map<string, SimUser>();
  readonly projects = new Map<string, SimProject>();
  readonly vcsRoots = new Map<string, SimVcsRoot>();
  readonly buildTypes = new Map<string, SimBuildType>();
  readonly vcsIndex = new VcsUrlIndex();
  readonly builds: BuildStore;
  readonly approvals = new ApprovalStore();
  /**
   * Where a branch of a VCS root points now, as TeamCity would learn it from the repository when a build starts.
   * The local host answers it from its emulated Bitbucket, so builds run from Bitbucket check out the branch's head
   * (the PR's head commit); tests set it to move a branch.
   */
  revisionOf?: (vcsUrl: string, branchName: string) => string | undefined;
  private readonly buildTypesByProject = new Map<string, Set<string>>();
  private nextUserId = 1;
  private nextProjectInternalId = 1;
  private nextBuildTypeInternalId = 1;

  constructor(
    durations: { queuedMs: number; runningMs: number },
    readonly now: () => number = Date.now,
  ) {
    this.builds = new BuildStore(durations, now);
    this.projects.set(ROOT_PROJECT_ID, {
      id: ROOT_PROJECT_ID,
      internalId: '_Root',
      name: '<Root project>',
      parentId: null,
      description: 'Contains all other projects',
      parameters: [],
    });
  }

  addUser(input: AddUserInput): SimUser {
    if (this.users.has(input.username)) throw new Error(`user ${input.username} exists`);
    const user: SimUser = {
      id: this.nextUserId++,
      username: input.username,
      password: input.password,
      name: input.name ?? input.username,
      email: input.email ?? `${input.username}@example.com`,
      runBuild: input.runBuild === 'all' ? 'all' : new Set(input.runBuild ?? []),
    };
    this.users.set(user.username, user);
    return user;
  }

  userById(id: number): SimUser | undefined {
    return [...this.users.values()].find((u) => u.id === id);
  }

  addProject(input: AddProjectInput): SimProject {
    const parentId = input.parentId ?? ROOT_PROJECT_ID;
    if (!this.projects.has(parentId)) throw new Error(`unknown parent project ${parentId}`);
    const project: SimProject = {
      id: input.id,
      internalId: `project${this.nextProjectInternalId++}`,
      name: input.name,
      parentId,
      description: input.description,
      parameters: input.parameters ?? [],
    };
    this.projects.set(project.id, project);
    return project;
  }

  addVcsRoot(input: AddVcsRootInput): SimVcsRoot {
    if (!this.projects.has(input.projectId)) throw new Error(`unknown project ${input.projectId}`);
    const branch = input.branch ?? 'refs/heads/main';
    const root: SimVcsRoot = {
      id: input.id,
      name: input.name ?? `${input.url}#${branch}`,
      projectId: input.projectId,
      url: input.url,
      branch,
      branchSpec: input.branchSpec ?? '+:refs/heads/*',
      tagsAsBranches: input.tagsAsBranches ?? false,
      usedBy: new Set(),
    };
    this.vcsRoots.set(root.id, root);
    this.vcsIndex.add(root);
    return root;
  }

  setVcsRootUrl(vcsRootId: string, url: string): void {
    const root = this.requireVcsRoot(vcsRootId);
    this.vcsIndex.remove(root);
    root.url = url;
    this.vcsIndex.add(root);
  }

  addBuildType(input: AddBuildTypeInput): SimBuildType {
    if (!this.projects.has(input.projectId)) throw new Error(`unknown project ${input.projectId}`);
    const bt: SimBuildType = {
      id: input.id,
      internalId: `bt${this.nextBuildTypeInternalId++}`,
      name: input.name,
      projectId: input.projectId,
      description: input.description,
      paused: input.paused ?? false,
      vcsRootIds: [],
      parameters: input.parameters ?? [],
      buildNumberCounter: 1,
    };
    this.buildTypes.set(bt.id, bt);
    const inProject = this.buildTypesByProject.get(bt.projectId) ?? new Set<string>();
    inProject.add(bt.id);
    this.buildTypesByProject.set(bt.projectId, inProject);
    for (const rootId of input.vcsRootIds ?? []) this.attachVcsRoot(bt.id, rootId);
    return bt;
  }

  attachVcsRoot(buildTypeId: string, vcsRootId: string): void {
    const bt = this.requireBuildType(buildTypeId);
    const root = this.requireVcsRoot(vcsRootId);
    if (!bt.vcsRootIds.includes(root.id)) bt.vcsRootIds.push(root.id);
    root.usedBy.add(bt.id);
  }

  setPaused(buildTypeId: string, paused: boolean): void {
    this.requireBuildType(buildTypeId).paused = paused;
  }

  grantRunBuild(username: string, projectId: string): void {
    const user = this.requireUser(username);
    if (user.runBuild !== 'all') user.runBuild.add(projectId);
  }

  /** Revoking from an 'all' user leaves them with every other top-level project. */
  revokeRunBuild(username: string, projectId: string): void {
    const user = this.requireUser(username);
    if (user.runBuild === 'all') {
      user.runBuild = new Set([...this.projects.values()].filter((p) => p.parentId === ROOT_PROJECT_ID).map((p) => p.id));
    }
    user.runBuild.delete(projectId);
  }

  /** Takes away (or gives back) all of a user's access: their credentials still authenticate, every request gets 403. */
  setAccessDenied(username: string, denied: boolean): void {
    this.requireUser(username).accessDenied = denied;
  }

  /** "Run build" granted on a project applies to its subprojects, as TeamCity roles do. */
  canRunBuild(user: SimUser, projectId: string): boolean {
    if (user.runBuild === 'all') return true;
    const granted = user.runBuild;
    return this.projectPath(projectId).some((p) => granted.has(p.id));
  }

  /** The project and its ancestors, root first. */
  projectPath(projectId: string): SimProject[] {
    const path: SimProject[] = [];
    for (let p = this.projects.get(projectId); p; p = p.parentId ? this.projects.get(p.parentId) : undefined) path.unshift(p);
    return path;
  }

  /** Build type ids of the project, and with `recursive` of all its subprojects. */
  buildTypeIdsOf(projectId: string, recursive: boolean): string[] {
    const direct = [...(this.buildTypesByProject.get(projectId) ?? [])];
    if (!recursive) return direct;
    const children = [...this.projects.values()].filter((p) => p.parentId === projectId);
    return [...direct, ...children.flatMap((c) => this.buildTypeIdsOf(c.id, true))];
  }

  /** Loads n build types (one VCS root each) for benchmarks; returns their ids. */
  generateBuildTypes(n: number, opts: { projectId?: string; urlFor?: (i: number) => string } = {}): string[] {
    const projectId = opts.projectId ?? 'Generated';
    if (!this.projects.has(projectId)) this.addProject({ id: projectId, name: 'Generated' });
    const urlFor = opts.urlFor ?? ((i: number) => `https://bitbucket.org/bench/repo-${i}.git`);
    const ids: string[] = [];
    const offset = this.buildTypes.size;
    for (let i = 0; i < n; i++) {
      const id = `${projectId}_Bt${offset + i}`;
      const root = this.addVcsRoot({ id: `${id}_Vcs`, url: urlFor(i), projectId, branchSpec: '+:refs/heads/*' });
      this.addBuildType({ id, name: `Build ${offset + i}`, projectId, vcsRootIds: [root.id] });
      ids.push(id);
    }
    return ids;
  }

  requireUser(username: string): SimUser {
    const user = this.users.get(username);
    if (!user) throw new Error(`unknown user ${username}`);
    return user;
  }

  requireBuildType(id: string): SimBuildType {
    const bt = this.buildTypes.get(id);
    if (!bt) throw new Error(`unknown build type ${id}`);
    return bt;
  }

  requireVcsRoot(id: string): SimVcsRoot {
    const root = this.vcsRoots.get(id);
    if (!root) throw new Error(`unknown VCS root ${id}`);
    return root;
  }
}
