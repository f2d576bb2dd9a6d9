/** In-memory shapes of the simulator's TeamCity entities (not wire shapes; see render-*.ts). */

/** `rawType` is TeamCity's parameter spec (type.rawValue), e.g. "select data_1='a' display='prompt'". */
export type Property = { name: string; value: string; rawType?: string };

export type SimUser = {
  id: number;
  username: string;
  password: string;
  name: string;
  email: string;
  /** Projects (and their subprojects) where the user has "Run build"; 'all' for a system administrator. */
  runBuild: 'all' | Set<string>;
  /** Set when an administrator took the user's access away: every REST request is refused with 403. */
  accessDenied?: boolean;
  /** Set when the user lacks "View build configuration settings": VCS roots are rendered without their properties. */
  settingsHidden?: boolean;
};

export type SimProject = {
  id: string;
  internalId: string;
  name: string;
  parentId: string | null;
  description?: string;
  parameters: Property[];
};

export type SimVcsRoot = {
  id: string;
  name: string;
  projectId: string;
  url: string;
  /** Default branch, a full ref such as refs/heads/main. */
  branch: string;
  /** Newline-separated +:/-: rules, e.g. "+:refs/heads/*\n+:refs/pull/(*)/head". */
  branchSpec: string;
  /** Git's "Use tags as branches" (property reportTagRevisions): only then do refs/tags/ rules count. */
  tagsAsBranches: boolean;
  usedBy: Set<string>;
};

export type SimBuildType = {
  id: string;
  internalId: string;
  name: string;
  projectId: string;
  description?: string;
  paused: boolean;
  vcsRootIds: string[];
  parameters: Property[];
  buildNumberCounter: number;
};
