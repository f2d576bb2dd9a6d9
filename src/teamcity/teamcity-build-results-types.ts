/** What the build-results views read from TeamCity, beyond a plain build: our shapes, scrubbed of the token. */
import type { TeamCityBuild } from './teamcity-types';

export type TeamCityTestCounts = { total: number; passed: number; failed: number; newFailed: number; ignored: number; muted: number };

export type TeamCityResultBuild = TeamCityBuild & {
  /** The commit hashes the build checked out, one per VCS root; empty while queued. */
  revisions: string[];
  agentName?: string;
  elapsedSeconds?: number;
  failedToStart?: boolean;
  tests?: TeamCityTestCounts;
};

export type TeamCityFailedTest = {
  name: string;
  newFailure: boolean;
  muted: boolean;
  durationMs?: number;
  /** The failure's message and stack trace, cut to a few kilobytes. */
  details?: string;
};

export type TeamCityBuildProblem = { type: string; details: string };

export type TeamCityArtifact = { name: string; size?: number; directory: boolean };

export type TeamCityBuildDetails = { buildTypeId?: string; problems: TeamCityBuildProblem[]; artifacts: TeamCityArtifact[] };

export type TeamCityLogTail = { lines: string[]; truncated: boolean };
