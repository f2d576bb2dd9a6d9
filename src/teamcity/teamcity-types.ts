/**
 * What the rest of the app sees of TeamCity. These are our shapes, not TeamCity's wire format: dates are
 * ISO 8601, a build always has a state (TeamCity 8 omits it), and the build configuration id is always set.
 */
import type { TeamCityApproval } from './teamcity-approval';

export type TeamCityServerInfo = {
  /** As TeamCity reports it, e.g. "2024.03.3 (build 156364)". */
  version: string;
  versionMajor: number;
  versionMinor: number;
  buildNumber: string;
  webUrl?: string;
};

export type TeamCityUser = {
  id: number;
  username: string;
  name?: string;
  email?: string;
};

/** One of the current user's access tokens as TeamCity lists them: by name, never by value. */
export type TeamCityAccessToken = {
  name: string;
  /** ISO 8601. */
  createdAt?: string;
  /** ISO 8601; absent for a token that never expires. */
  expiresAt?: string;
};

/** Someone or something named on a build (who triggered, who canceled). */
export type TeamCityUserRef = {
  id?: number;
  username?: string;
  name?: string;
};

export type TeamCityProperty = { name: string; value: string };

export type TeamCityParameter = TeamCityProperty & {
  /** The parameter's type spec, e.g. `password display='hidden'` or `select data_1='a' ...`; absent for plain text. */
  rawType?: string;
  inherited?: boolean;
};

export type TeamCityBuildType = {
  id: string;
  name: string;
  projectId: string;
  projectName: string;
  /** On the token's server (teamcity-links.ts). */
  webUrl: string;
  paused?: boolean;
  description?: string;
  /** Only filled by getBuildType; lists leave it out to stay small. */
  parameters?: TeamCityParameter[];
  /** Only filled by getBuildType: the VCS roots' branch settings, as far as TeamCity shows them to the token. */
  vcsRoots?: TeamCityVcsRootSettings[];
};

/** What decides which refs a VCS root builds; nothing else of its settings is kept (they may hold credentials). */
export type TeamCityVcsRootSettings = {
  id: string;
  vcsName?: string;
  /** False when TeamCity left the root's settings out: the token may not view the configuration's settings. */
  settingsShown: boolean;
  /** The default branch, e.g. refs/heads/main. */
  defaultBranch?: string;
  /** Newline-separated +:/-: rules (`teamcity:branchSpec`). */
  branchSpec?: string;
  /** Git's "Use tags as branches" (`reportTagRevisions`): without it TeamCity ignores refs/tags/ rules. */
  tagsAsBranches: boolean;
};

export type BuildTypePage = {
  items: TeamCityBuildType[];
  /** Pass as `start` to get the next page; null when TeamCity reported no further page. */
  nextStart?: number | null;
  /** Number of items in this page (TeamCity's `count` is per page, not a total). */
  count: number;
  /** Items TeamCity sent that were not build configurations (left out of `items`). */
  skipped: number;
  /** TeamCity sent more than the page size asked for; only the first page-size items were taken. */
  truncated: boolean;
};

export type BuildList = {
  items: TeamCityBuild[];
  /** Items TeamCity sent that were not builds (left out of `items`). */
  skipped: number;
};

export type TeamCityBuildState = 'queued' | 'running' | 'finished';

export type TeamCityTrigger = {
  /** TeamCity's trigger type: "user", "vcs", "schedule", "snapshotDependency", ... */
  type?: string;
  date?: string;
  displayText?: string;
  user?: TeamCityUserRef;
};

export type TeamCityCancelInfo = {
  date?: string;
  comment?: string;
  user?: TeamCityUserRef;
};

export type TeamCityBuild = {
  id: number;
  /** Build number; queued builds have none. */
  number?: string;
  state: TeamCityBuildState;
  /** SUCCESS, FAILURE or UNKNOWN (a canceled build); running builds report progress so far. */
  status?: string;
  statusText?: string;
  percentageComplete?: number;
  /** On the token's server (teamcity-links.ts). */
  webUrl: string;
  branchName?: string;
  defaultBranch?: boolean;
  /** Empty only when neither TeamCity's answer nor the request named the configuration. */
  buildTypeId: string;
  buildTypeName?: string;
  projectName?: string;
  personal?: boolean;
  queuePosition?: number;
  waitReason?: string;
  queuedDate?: string;
  startDate?: string;
  finishDate?: string;
  triggeredBy?: TeamCityTrigger;
  /** Present when the build was canceled (TeamCity's canceledInfo). */
  canceled?: TeamCityCancelInfo;
  /** Custom parameters the build was started with, for "Run again". */
  properties?: TeamCityProperty[];
  /** The commit the build checked out (its first VCS root's revision), once TeamCity says. */
  revision?: string;
  /** Present for a build of a configuration with TeamCity's Build Approval feature. */
  approval?: TeamCityApproval;
};

export type TriggerBuildRequest = {
  buildTypeId: string;
  branchName?: string;
  comment?: string;
  properties?: TeamCityProperty[];
  queueAtTop?: boolean;
  /** TeamCity's triggeringOptions.cleanSources. */
  cleanCheckout?: boolean;
  /** Personal builds need a patch upload this app never makes, so only `false` is accepted. */
  personal?: false;
  /** The full commit hash to build (TeamCity's lastChanges); the branch's latest commit when absent. */
  revision?: string;
};

export type PageRequest = { start?: number; count?: number };

export type ListBuildsQuery = { buildTypeId: string; branchName?: string; count?: number };
