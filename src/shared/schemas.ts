/**
 * The one schema module for everything that crosses the bridge. The UI and the resolvers import the same
 * schemas, so a payload the UI can build is a payload the resolver accepts, and nothing else is.
 */
import { z } from 'zod';
import { MAX_TOKENS_PER_CHECK } from './check-limits';
import type { AppError } from './result';
import {
  BUILD_TYPE_ID,
  COMMIT_HASH,
  INPUT_MESSAGES,
  MAX_COMMENT_LENGTH,
  MAX_PARAMETER_NAME_LENGTH,
  MAX_PARAMETER_VALUE_LENGTH,
  MAX_PARAMETERS,
  MAX_SEARCH_LENGTH,
  MAX_TOKEN_LENGTH,
  MAX_URL_LENGTH,
  PARAMETER_NAME,
  branchNameProblem,
  tagNameProblem,
} from './input-rules';
import type { ParameterSpec } from './parameter-spec';

export { ADMIN_RESOLVER_FUNCTIONS, BUILD_RESOLVER_FUNCTIONS, RESOLVER_FUNCTIONS } from './resolver-functions';

export const tokenIdSchema = z.string({ error: 'Token id must be a string.' }).regex(/^[a-f0-9]{32}$/, 'Token id is not valid.');

export const listTokensRequestSchema = z.object({}).strict();

export const addTokenRequestSchema = z
  .object({
    serverUrl: z.string({ error: INPUT_MESSAGES.serverUrlMissing }).max(MAX_URL_LENGTH, INPUT_MESSAGES.serverUrlTooLong),
    token: z.string({ error: INPUT_MESSAGES.tokenMissing }).max(MAX_TOKEN_LENGTH, INPUT_MESSAGES.tokenTooLong),
  })
  .strict();

export const deleteTokenRequestSchema = z.object({ id: tokenIdSchema }).strict();

/**
 * The outcome of the last time the app asked TeamCity about a token: `unauthorized` = expired or revoked (401),
 * `forbidden` = TeamCity refuses it (403), `unreachable` = no usable answer (network, TLS, 5xx, not TeamCity).
 */
export const TOKEN_HEALTH_STATUSES = ['connected', 'unauthorized', 'forbidden', 'unreachable'] as const;
export type TokenHealthStatus = (typeof TOKEN_HEALTH_STATUSES)[number];

export const tokenHealthSchema = z.object({
  /** null until the first check. */
  status: z.enum(TOKEN_HEALTH_STATUSES).nullable(),
  checkedAt: z.string().nullable(),
  /** What went wrong, in words for the user (already scrubbed of the token). */
  message: z.string().optional(),
});
export type TokenHealth = z.infer<typeof tokenHealthSchema>;

/** What the browser may know about a stored token: everything but the token itself. */
export const tokenViewSchema = z.object({
  id: tokenIdSchema,
  serverUrl: z.string(),
  teamcityUsername: z.string(),
  teamcityUserDisplayName: z.string(),
  serverVersion: z.string(),
  createdAt: z.string(),
  lastAuthenticatedAt: z.string().nullable(),
  health: tokenHealthSchema,
  /** When TeamCity says the token expires; null when it never does or TeamCity did not say. */
  expiresAt: z.string().nullable(),
});

export const replaceTokenRequestSchema = z
  .object({
    id: tokenIdSchema,
    token: addTokenRequestSchema.shape.token,
  })
  .strict();

export const checkTokensRequestSchema = z
  .object({
    ids: z
      .array(tokenIdSchema)
      .min(1, 'Choose at least one token to check.')
      .max(MAX_TOKENS_PER_CHECK, `Check at most ${MAX_TOKENS_PER_CHECK} tokens at a time.`)
      .refine((ids) => new Set(ids).size === ids.length, 'Each token may be checked once per request.'),
  })
  .strict();

export type ListTokensRequest = z.infer<typeof listTokensRequestSchema>;
export type AddTokenRequest = z.infer<typeof addTokenRequestSchema>;
export type DeleteTokenRequest = z.infer<typeof deleteTokenRequestSchema>;
export type TokenView = z.infer<typeof tokenViewSchema>;

/** The page's one call: the tokens, and the workspace policy that marks some of them "Not allowed". */
export type ListTokensResponse = { tokens: TokenView[]; policy: TokenPolicyResponse };
export type AddTokenResponse = { token: TokenView; replaced: boolean };
export type DeleteTokenResponse = { deleted: true };
export type ReplaceTokenRequest = z.infer<typeof replaceTokenRequestSchema>;
export type ReplaceTokenResponse = { token: TokenView };
export type CheckTokensRequest = z.infer<typeof checkTokensRequestSchema>;
/**
 * Tokens that no longer exist (deleted in another tab) are left out of `tokens` and named in `missing`. Tokens
 * the call ran out of time for (Forge's invocation limit, a slow server) are in `tokens` as they were and named
 * in `notChecked`: "not checked (timed out)", worth checking again.
 */
export type CheckTokensResponse = { tokens: TokenView[]; missing: string[]; notChecked: string[] };
/** For users: which servers they may add, and the one to suggest. */
export type TokenPolicyResponse = { allowedServers: string[]; defaultServerUrl: string | null };

/* ---------------------------------------------------------------------------------------------------------
 * Workspace policy (the workspace settings page, admins only).
 * ------------------------------------------------------------------------------------------------------- */

/** A workspace needs a handful of TeamCity servers; this keeps the policy record and its messages small. */
export const MAX_ALLOWED_SERVERS = 50;

const policyServerUrlSchema = z
  .string({ error: 'Enter the address of a TeamCity server.' })
  .max(MAX_URL_LENGTH, INPUT_MESSAGES.serverUrlTooLong);

export const getWorkspacePolicyRequestSchema = z.object({}).strict();

export const saveWorkspacePolicyRequestSchema = z
  .object({
    allowedServers: z.array(policyServerUrlSchema).max(MAX_ALLOWED_SERVERS, `Allow at most ${MAX_ALLOWED_SERVERS} servers.`),
    defaultServerUrl: policyServerUrlSchema.nullable(),
  })
  .strict();

export type SaveWorkspacePolicyRequest = z.infer<typeof saveWorkspacePolicyRequestSchema>;

/** How many users have a token for a server; never who they are or their tokens. */
export type ServerUsage = { serverUrl: string; users: number; allowed: boolean };

export type WorkspacePolicyResponse = TokenPolicyResponse & {
  usage: ServerUsage[];
  updatedAt: string | null;
};

/* ---------------------------------------------------------------------------------------------------------
 * Running builds (repository and pull request actions). The repository and pull request always come from the
 * Forge extension context on the backend, never from the payload.
 * ------------------------------------------------------------------------------------------------------- */

/** TeamCity's rule for build configuration ids (external ids): a letter, then letters, digits, underscores. */
export const buildTypeIdSchema = z
  .string({ error: 'Choose a build configuration.' })
  .regex(BUILD_TYPE_ID, INPUT_MESSAGES.buildTypeIdInvalid);

export const buildIdSchema = z
  .number({ error: 'Build id must be a number.' })
  .max(2 ** 53 - 1, { error: 'Build id is too large.' })
  .int({ error: 'Build id must be a whole number.' })
  .positive({ error: 'Build id must be a positive number.' });

/** The rules (input-rules.ts) are shared with the build modal, which checks input before sending it. */
export const branchNameSchema = z.string({ error: INPUT_MESSAGES.branchMissing }).superRefine((branch, ctx) => {
  const problem = branchNameProblem(branch);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const tagNameSchema = z.string({ error: INPUT_MESSAGES.tagMissing }).superRefine((tag, ctx) => {
  const problem = tagNameProblem(tag);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const parameterNameSchema = z
  .string()
  .min(1, INPUT_MESSAGES.parameterNameMissing)
  .max(MAX_PARAMETER_NAME_LENGTH, INPUT_MESSAGES.parameterNameTooLong)
  .regex(PARAMETER_NAME, INPUT_MESSAGES.parameterNameInvalid);

export const buildParameterSchema = z
  .object({
    name: parameterNameSchema,
    value: z.string().max(MAX_PARAMETER_VALUE_LENGTH, INPUT_MESSAGES.parameterValueTooLong),
  })
  .strict();

export const getBuildSetupRequestSchema = z.object({}).strict();

export const findBuildConfigurationsRequestSchema = z
  .object({
    tokenId: tokenIdSchema,
    scope: z.enum(['repository', 'all']),
    search: z.string().max(MAX_SEARCH_LENGTH, INPUT_MESSAGES.searchTooLong).optional(),
    start: z.number().int().min(0).max(100000).optional(),
  })
  .strict();

export const triggerBuildRequestSchema = z
  .object({
    tokenId: tokenIdSchema,
    buildTypeId: buildTypeIdSchema,
    /** The branch to build, or (instead) `tag`: a tag of the repository that the configuration builds. */
    branchName: branchNameSchema.optional(),
    tag: tagNameSchema.optional(),
    parameters: z.array(buildParameterSchema).max(MAX_PARAMETERS, INPUT_MESSAGES.tooManyParameters).default([]),
    comment: z.string().max(MAX_COMMENT_LENGTH, INPUT_MESSAGES.commentTooLong).optional(),
    queueAtTop: z.boolean().optional(),
    cleanCheckout: z.boolean().optional(),
    /** Build exactly this commit of the branch (7 to 40 hex digits; expanded with Bitbucket before TeamCity sees it). */
    revision: z.string().regex(COMMIT_HASH, INPUT_MESSAGES.commitInvalid).optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if ((input.branchName === undefined) === (input.tag === undefined)) {
      ctx.addIssue({ code: 'custom', path: input.tag === undefined ? ['branchName'] : ['tag'], message: INPUT_MESSAGES.branchOrTag });
    } else if (input.tag !== undefined && input.revision !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['revision'], message: INPUT_MESSAGES.tagWithCommit });
    }
  });

export const buildRequestSchema = z.object({ tokenId: tokenIdSchema, buildId: buildIdSchema }).strict();

export const getRunParametersRequestSchema = z.object({ tokenId: tokenIdSchema, buildTypeId: buildTypeIdSchema }).strict();

export const listRecentBuildsRequestSchema = z
  .object({ tokenId: tokenIdSchema, buildTypeId: buildTypeIdSchema, branchName: branchNameSchema.optional() })
  .strict();

/** The branch is the only input; the repository is the caller's page. */
export const listRecentCommitsRequestSchema = z.object({ branch: branchNameSchema }).strict();

export type BuildConfigurationView = {
  id: string;
  name: string;
  projectId: string;
  projectName: string;
  /** Only a link on the token's own server (teamcity-link.ts); absent otherwise. */
  webUrl?: string;
  paused: boolean;
};

export type BuildView = {
  id: number;
  buildTypeId: string;
  buildTypeName?: string;
  number?: string;
  state: 'queued' | 'running' | 'finished';
  status?: 'SUCCESS' | 'FAILURE' | 'UNKNOWN' | 'ERROR';
  statusText?: string;
  percentageComplete?: number;
  branchName?: string;
  /** Only a link on the token's own server (teamcity-link.ts); absent otherwise. */
  webUrl?: string;
  queuedAt?: string;
  startedAt?: string;
  finishedAt?: string;
  triggeredBy?: string;
  canceled?: boolean;
  parameters: Array<{ name: string; value: string }>;
  comment?: string;
  /** A build of a configuration with TeamCity's Build Approval feature. */
  approval?: ApprovalView;
  /** The commit TeamCity checked out (full hash), once the build started. */
  revision?: string;
};

export type ApprovalView = {
  status: 'waiting' | 'approved' | 'timed_out' | 'canceled';
  /** TeamCity allows the token's user to approve, and they have not yet. */
  canApprove: boolean;
  /** Approvals still needed before the build may start. */
  remaining: number;
  timeoutAt?: string;
  users: Array<{ name: string; approved: boolean }>;
  groups: Array<{ name: string; required: number; approvedBy: string[] }>;
};
export type ApproveBuildResponse = { approval: ApprovalView };

export type RepositoryView = { workspace: string; slug: string; fullName: string; mainBranch: string; branches: string[] };
export type PullRequestView = {
  id: number;
  title: string;
  sourceBranch: string;
  destinationBranch: string;
  author: string;
  /** The source branch's head commit as Bitbucket gives it (a short hash), when it did. */
  headCommit?: string;
};

export type GetBuildSetupResponse = {
  servers: TokenView[];
  /** Remembered per user and repository, or the only server. */
  selectedTokenId: string | null;
  repository: RepositoryView;
  pullRequest: PullRequestView | null;
  /** The branch to build: the PR's source branch, or the repository's main branch. */
  defaultBranch: string;
  /** Last configuration this user ran for this repository, per server token id. */
  lastBuildTypeIds: Record<string, string>;
  /** The workspace's allowlist (empty: any server); builds run only on these. */
  allowedServers: string[];
};
/**
 * `truncated`: TeamCity sent more configurations than a page holds and only a page was taken (say "refine your
 * search"); `skipped`: how many items TeamCity sent that were not build configurations and are not listed.
 */
export type FindBuildConfigurationsResponse = {
  items: BuildConfigurationView[];
  nextStart: number | null;
  truncated?: true;
  skipped?: number;
};
export type TriggerBuildResponse = { build: BuildView };
export type BuildResponse = { build: BuildView };
/** `skipped`: builds TeamCity listed that could not be read and are not shown. */
export type ListRecentBuildsResponse = { builds: BuildView[]; skipped?: number };

/** One parameter of the run dialog: TeamCity's spec when it has one, else a plain text parameter. */
export type RunParameterView = {
  name: string;
  spec?: ParameterSpec;
  /** TeamCity's value; always "" for a password, whose value TeamCity never sends. */
  defaultValue: string;
  /** What this user last ran with from this repository (never for passwords). */
  lastValue?: string;
};
/** A tag of the repository that the configuration builds: `branchName` is TeamCity's name for it. */
export type TagView = { name: string; branchName: string; commit: string; date?: string };
/**
 * Whether the run dialog can offer tags: `covered` lists the repository's newest tags the configuration builds
 * (`truncated`: Bitbucket had more than one page; others can be typed); `unreadable`: the configuration builds
 * tags, but Bitbucket's list could not be read; `unknown`: TeamCity does not show this token the VCS settings.
 */
export type RunTagsView =
  { state: 'covered'; tags: TagView[]; truncated: boolean } | { state: 'unreadable' } | { state: 'not_covered' } | { state: 'unknown' };
export type GetRunParametersResponse = {
  buildTypeId: string;
  /** Every parameter the dialog shows, in TeamCity's order; hidden ones are left out. */
  parameters: RunParameterView[];
  /** More parameters than the dialog shows; the rest keep TeamCity's values. */
  truncated: boolean;
  tags: RunTagsView;
};

/** One of a branch's newest commits, as the commit picker shows it (never the author's e-mail address). */
export type RecentCommitView = {
  /** Full, lower case. */
  hash: string;
  /** The first line of the message. */
  summary: string;
  author?: string;
  /** ISO 8601. */
  date?: string;
};
/** Newest first, the branch's head first. */
export type ListRecentCommitsResponse = { commits: RecentCommitView[] };

export type GetBuildSetupRequest = z.infer<typeof getBuildSetupRequestSchema>;
export type FindBuildConfigurationsRequest = z.infer<typeof findBuildConfigurationsRequestSchema>;
export type TriggerBuildRequest = z.input<typeof triggerBuildRequestSchema>;
export type BuildRequest = z.infer<typeof buildRequestSchema>;
export type ListRecentBuildsRequest = z.infer<typeof listRecentBuildsRequestSchema>;
export type GetRunParametersRequest = z.infer<typeof getRunParametersRequestSchema>;
export type ListRecentCommitsRequest = z.infer<typeof listRecentCommitsRequestSchema>;

/* ---------------------------------------------------------------------------------------------------------
 * Build results: the pull request panel and card, the repository card. What they are about comes from the
 * extension context on the backend; payloads carry only a token id and build ids.
 * ------------------------------------------------------------------------------------------------------- */

export { BUILD_RESULTS_RESOLVER_FUNCTIONS } from './resolver-functions';

/** At most this many queued and running builds are refreshed per poll. */
export const MAX_POLLED_BUILDS = 100;

export const getBuildResultsRequestSchema = z.object({}).strict();

export const pollBuildResultsRequestSchema = z
  .object({
    tokenId: tokenIdSchema,
    buildIds: z
      .array(buildIdSchema)
      .min(1, 'Name at least one build.')
      .max(MAX_POLLED_BUILDS, `Refresh at most ${MAX_POLLED_BUILDS} builds at a time.`),
  })
  .strict();

export type TestCountsView = { total: number; passed: number; failed: number; newFailed: number; ignored: number; muted: number };

/** How a configuration stands for the commit: the order the panel sorts by. */
export const BUILD_OUTCOMES = ['failed', 'running', 'queued', 'passed', 'canceled', 'not_built'] as const;
export type BuildOutcome = (typeof BUILD_OUTCOMES)[number];

export type ResultBuildView = Omit<BuildView, 'webUrl' | 'parameters'> & {
  /** Only an http(s) link on the token's own server; absent otherwise. */
  webUrl?: string;
  outcome: Exclude<BuildOutcome, 'not_built'>;
  failedToStart: boolean;
  /** The commit the build checked out (first VCS root), when TeamCity said. */
  revision?: string;
  agentName?: string;
  elapsedSeconds?: number;
  queuePosition?: number;
  tests?: TestCountsView;
};

export type ConfigurationResultView = {
  id: string;
  name: string;
  projectName: string;
  webUrl?: string;
  paused: boolean;
  /** The newest build for the commit, or else the newest of the branch (then forCommit is false); null: none. */
  build: ResultBuildView | null;
  forCommit: boolean;
  outcome: BuildOutcome;
};

export type ServerResultsView =
  | {
      tokenId: string;
      serverUrl: string;
      ok: true;
      configurations: ConfigurationResultView[];
      /** More configurations use this repository than one page shows. */
      moreConfigurations: boolean;
    }
  | { tokenId: string; serverUrl: string; ok: false; error: AppError };

export type BuildResultsResponse = {
  view: 'pullRequest' | 'repository';
  repository: { fullName: string; mainBranch: string };
  pullRequest: PullRequestView | null;
  /** The branch the builds are for: the PR's source branch, the branch shown, or the main branch. */
  branch: string;
  /** The PR's head commit (full hash); null on the repository card or when Bitbucket did not say. */
  headCommit: string | null;
  /** The viewer has no usable TeamCity token: the UI says so and links to personal settings. */
  needsToken: boolean;
  servers: ServerResultsView[];
};

export type PollBuildResultsResponse = { builds: ResultBuildView[] };

export type FailedTestView = { name: string; newFailure: boolean; muted: boolean; durationMs?: number; details?: string };
export type BuildFailureDetailsResponse = {
  problems: Array<{ type: string; details: string }>;
  failedTests: FailedTestView[];
  /** The last lines of the build log; null when TeamCity would not send it (logError says why). */
  logTail: { lines: string[]; truncated: boolean } | null;
  logError?: AppError;
  logUrl?: string;
  artifacts: Array<{ name: string; size?: number; directory: boolean; downloadUrl?: string }>;
  artifactsUrl?: string;
};
