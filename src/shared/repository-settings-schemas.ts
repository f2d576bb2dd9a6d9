/**
 * Payloads and views of the repository settings page ("TeamCity" in repository settings). The repository is
 * always the one in the Forge extension context, never one named in a payload.
 */
import { z } from 'zod';
import { branchPatternProblem } from './branch-pattern';
import { MAX_REPOSITORY_CONFIGURATIONS } from './repository-settings-functions';
import { MAX_TOKEN_LENGTH, MAX_URL_LENGTH as MAX_SERVER_URL_LENGTH } from './input-rules';
import { buildTypeIdSchema, type TokenView } from './schemas';

export { REPOSITORY_SETTINGS_FUNCTIONS } from './repository-settings-functions';

const branchPatternSchema = z
  .string()
  .superRefine((pattern, ctx) => {
    const problem = branchPatternProblem(pattern);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .nullable();

export const repositoryConfigurationInputSchema = z
  .object({
    id: buildTypeIdSchema,
    shown: z.boolean(),
    required: z.boolean(),
    branchPattern: branchPatternSchema,
  })
  .strict();

export const getRepositorySettingsRequestSchema = z.object({}).strict();

export const saveRepositorySettingsRequestSchema = z
  .object({
    serverUrl: z.string().max(MAX_SERVER_URL_LENGTH, 'The server address is too long.').nullable(),
    /** Absent: unchanged. */
    buildSource: z.enum(['teamcity', 'bitbucket']).optional(),
    configurations: z
      .array(repositoryConfigurationInputSchema)
      .max(MAX_REPOSITORY_CONFIGURATIONS, `At most ${MAX_REPOSITORY_CONFIGURATIONS} build configurations per repository.`)
      .refine((list) => new Set(list.map((c) => c.id)).size === list.length, 'Each build configuration may be listed once.'),
  })
  .strict();

export const setRepositoryCredentialRequestSchema = z
  .object({ token: z.string({ error: 'Paste a TeamCity access token.' }).max(MAX_TOKEN_LENGTH, 'The token is too long.') })
  .strict();

export const emptyRequestSchema = z.object({}).strict();

export type SaveRepositorySettingsRequest = z.infer<typeof saveRepositorySettingsRequestSchema>;
export type SetRepositoryCredentialRequest = z.infer<typeof setRepositoryCredentialRequestSchema>;
export type RepositoryConfigurationInput = z.infer<typeof repositoryConfigurationInputSchema>;

export type RepositoryConfigurationView = RepositoryConfigurationInput & {
  name: string;
  projectName: string;
  /** From the VCS-root match, or added by hand. */
  source: 'discovered' | 'added';
};

/** The repository read credential, shown like a personal token plus who added it. */
export type RepositoryCredentialView = TokenView & { addedBy: { accountId: string; name: string } | null };

export type SettingsChangeView = { at: string; by: { accountId: string; name: string }; summary: string };

export type RepositoryAccess = 'admin' | 'read';

export type RepositorySettingsView = {
  access: RepositoryAccess;
  repository: { uuid: string; fullName: string | null };
  serverUrl: string | null;
  /** `bitbucket`: the merge check reads Bitbucket's build statuses (key = build configuration id) instead of TeamCity. */
  buildSource: 'teamcity' | 'bitbucket';
  credential: RepositoryCredentialView | null;
  configurations: RepositoryConfigurationView[];
  history: SettingsChangeView[];
  updatedAt: string | null;
  /** The workspace policy: which servers the repository may use (empty: any HTTPS server). */
  allowedServers: string[];
  defaultServerUrl: string | null;
};

export type DiscoveredConfigurationsView = {
  items: Array<{ id: string; name: string; projectName: string }>;
};
