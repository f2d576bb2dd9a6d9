/**
 * Use cases of the repository settings page: the TeamCity server, the repository read credential and the build
 * configurations (shown, required for merge, target-branch pattern) of one repository. Reading needs access to
 * the repository, changing needs repository admin (repository-access.ts). The read credential is an ordinary
 * token of the token service, owned by the repository (storage-keys.ts: repositoryCredentialOwner), so it is
 * checked, stored, health-checked and removed exactly like a personal token.
 */
import type { Caller } from './caller';
import { readRuntimeConfig, type RuntimeConfig } from '../config/runtime-config';
import { fail, ok, type Result } from '../shared/result';
import type {
  DiscoveredConfigurationsView,
  RepositoryConfigurationInput,
  RepositorySettingsView,
  SaveRepositorySettingsRequest,
  SetRepositoryCredentialRequest,
} from '../shared/repository-settings-schemas';
import { isServerAllowed } from '../shared/server-policy';
import { policyStore as defaultPolicies, type PolicyStore } from '../stores/policy-store';
import {
  repositorySettingsStore as defaultStore,
  withChange,
  type RepositorySettingsStore,
  type StoredConfiguration,
  type StoredRepositorySettings,
} from '../stores/repository-settings-store';
import { repositoryCredentialOwner } from '../stores/storage-keys';
import type { TeamCityBuildType, TeamCityClient } from '../teamcity/teamcity-client';
import { MAX_REPOSITORY_CONFIGURATIONS } from '../shared/repository-settings-functions';
import { normalizeServerUrl } from '../shared/server-url';
import { displayUrl } from '../teamcity/teamcity-redact';
import { guardStorage } from './guard-storage';
import { mapBounded } from './map-bounded';
import { addNotAllowed } from './policy-errors';
import { forgeBitbucketReader, type BitbucketReader } from './repository-bitbucket';
import { repositoryCaller, type RepositoryCaller } from './repository-access';
import { createRepositoryDetails } from './repository-details';
import { bitbucketRepositoryPermission, type RepositoryPermissionReader } from './repository-permission';
import { summarizeChange } from './settings-change-summary';
import { tokenIdForServer } from './token-id';
import type { TokenService } from './token-service';

export type RepositorySettingsServiceDeps = {
  tokens: TokenService;
  store?: RepositorySettingsStore;
  policies?: PolicyStore;
  permissionOf?: RepositoryPermissionReader;
  bitbucket?: BitbucketReader;
  now?: () => Date;
  config?: () => RuntimeConfig;
};

const LOOKUP_CONCURRENCY = 4;

const NO_SERVER = 'Choose the TeamCity server of this repository first.';
const NEEDS_CREDENTIAL =
  'Add a repository read credential first: build configurations are looked up in TeamCity with it, and the merge check reads builds with it.';

export const createRepositorySettingsService = ({
  tokens,
  store = defaultStore,
  policies = defaultPolicies,
  permissionOf = bitbucketRepositoryPermission,
  bitbucket = forgeBitbucketReader,
  now = () => new Date(),
  config = readRuntimeConfig,
}: RepositorySettingsServiceDeps) => {
  const repositories = createRepositoryDetails(bitbucket);

  const credentialId = (settings: StoredRepositorySettings) => (settings.serverUrl ? tokenIdForServer(settings.serverUrl) : null);

  async function describe(caller: RepositoryCaller, settings: StoredRepositorySettings): Promise<Result<RepositorySettingsView>> {
    const listed = await tokens.list(repositoryCredentialOwner(caller.repositoryUuid));
    if (!listed.ok) return listed;
    const id = credentialId(settings);
    const token = listed.data.tokens.find((t) => t.id === id);
    return ok({
      access: caller.access,
      repository: { uuid: caller.repositoryUuid, fullName: caller.fullName },
      serverUrl: settings.serverUrl,
      buildSource: settings.buildSource,
      credential: token ? { ...token, addedBy: settings.credential?.tokenId === token.id ? settings.credential.addedBy : null } : null,
      configurations: settings.configurations.map(({ id: configId, name, projectName, source, shown, required, branchPattern }) => ({
        id: configId,
        name,
        projectName,
        source,
        shown,
        required,
        branchPattern,
      })),
      history: settings.history,
      updatedAt: settings.updatedAt,
      allowedServers: listed.data.policy.allowedServers,
      defaultServerUrl: listed.data.policy.defaultServerUrl,
    });
  }

  const load = (caller: RepositoryCaller) => guardStorage(async () => ok(await store.get(caller.repositoryUuid)));

  /** Every use case starts here: who is calling (from Bitbucket), may they, and the stored settings. */
  async function withSettings<T>(
    edge: Caller,
    needs: 'read' | 'admin',
    work: (caller: RepositoryCaller, settings: StoredRepositorySettings) => Promise<Result<T>>,
  ): Promise<Result<T>> {
    const caller = await repositoryCaller(edge, permissionOf, needs);
    if (!caller.ok) return caller;
    const current = await load(caller.data);
    return current.ok ? work(caller.data, current.data) : current;
  }

  const saveAndDescribe = (caller: RepositoryCaller, settings: StoredRepositorySettings) =>
    guardStorage(async () => {
      await store.save(caller.repositoryUuid, settings);
      return describe(caller, settings);
    });

  /** A client with the repository's credential; the caller is an admin (admins' actions may use it). */
  async function credentialClient(caller: RepositoryCaller, settings: StoredRepositorySettings) {
    const id = credentialId(settings);
    if (!id) return fail('invalid_input', NO_SERVER, 'serverUrl');
    const access = await tokens.clientForToken(repositoryCredentialOwner(caller.repositoryUuid), id, { forRunning: true });
    if (!access.ok) return access.error.code === 'token_not_found' ? fail('token_not_found', NEEDS_CREDENTIAL) : access;
    return access;
  }

  /**
   * Names, projects and whether each new id was found by the VCS-root match, all from TeamCity: a name typed in
   * the browser never reaches the page other admins see. One discovery request, then one lookup per id it missed.
   */
  async function resolveNew(
    caller: RepositoryCaller,
    settings: StoredRepositorySettings,
    edge: Caller,
    ids: string[],
  ): Promise<Result<Map<string, { type: TeamCityBuildType; source: 'discovered' | 'added' }>>> {
    const found = new Map<string, { type: TeamCityBuildType; source: 'discovered' | 'added' }>();
    if (ids.length === 0) return ok(found);
    const access = await credentialClient(caller, settings);
    // Reading Bitbucket's build statuses needs no credential; ids are then kept as typed (checked when a status names them).
    const withoutCredential =
      settings.buildSource === 'bitbucket' && (settings.serverUrl === null || (!access.ok && access.error.code === 'token_not_found'));
    if (!access.ok) return withoutCredential ? ok(found) : access;
    const { client, recordSuccess } = access.data;
    const discovered = await discover(edge, client);
    if (discovered.ok) for (const type of discovered.data) found.set(type.id, { type, source: 'discovered' });
    const missing = ids.filter((id) => !found.has(id));
    const looked = await mapBounded(missing, LOOKUP_CONCURRENCY, (id) => client.getBuildType(id));
    for (const [index, result] of looked.entries()) {
      const id = missing[index]!;
      if (!result.ok) {
        if (result.error.code === 'not_found') {
          return fail(
            'invalid_input',
            `TeamCity has no build configuration with id ${id}, or the credential's TeamCity user cannot see it. Check the id (Edit configuration > General settings > Build configuration ID).`,
            'configurations',
          );
        }
        return result;
      }
      found.set(id, { type: result.data, source: 'added' });
    }
    if (discovered.ok || looked.some((r) => r.ok)) await recordSuccess();
    return ok(found);
  }

  async function discover(edge: Caller, client: TeamCityClient): Promise<Result<TeamCityBuildType[]>> {
    const details = await repositories.resolve(edge, { withBranches: false });
    if (!details.ok) return details;
    const page = await client.findBuildTypesByVcsUrls(details.data.vcsUrls, { start: 0, count: MAX_REPOSITORY_CONFIGURATIONS });
    return page.ok ? ok(page.data.items) : page;
  }

  const toStored = (
    input: RepositoryConfigurationInput,
    known: StoredConfiguration | undefined,
    resolved: { type: TeamCityBuildType; source: 'discovered' | 'added' } | undefined,
  ): StoredConfiguration => ({
    id: input.id,
    name: known?.name ?? resolved?.type.name ?? input.id,
    projectName: known?.projectName ?? resolved?.type.projectName ?? '',
    source: known?.source ?? resolved?.source ?? 'added',
    shown: input.shown,
    // Only a required configuration has a target-branch pattern.
    required: input.required,
    branchPattern: input.required ? input.branchPattern : null,
  });

  async function normalizeServer(input: string | null): Promise<Result<string | null>> {
    if (input === null || input.trim() === '') return ok(null);
    const url = normalizeServerUrl(input, config());
    if (!url.ok) return { ok: false, error: { ...url.error, field: 'serverUrl' } };
    const policy = await guardStorage(async () => ok(await policies.get()));
    if (!policy.ok) return policy;
    return isServerAllowed(policy.data, url.data) ? ok(url.data) : addNotAllowed(url.data, policy.data);
  }

  return {
    get: (edge: Caller): Promise<Result<RepositorySettingsView>> => withSettings(edge, 'read', describe),

    save: (edge: Caller, request: SaveRepositorySettingsRequest): Promise<Result<RepositorySettingsView>> =>
      withSettings(edge, 'admin', async (caller, settings) => {
        const serverUrl = await normalizeServer(request.serverUrl);
        if (!serverUrl.ok) return serverUrl;
        const credential = credentialId(settings);
        if (serverUrl.data !== settings.serverUrl && credential !== null) {
          const held = await tokens.list(repositoryCredentialOwner(caller.repositoryUuid));
          if (!held.ok) return held;
          if (held.data.tokens.some((t) => t.id === credential)) {
            return fail(
              'invalid_input',
              `Remove the read credential first: it belongs to ${displayUrl(settings.serverUrl!)}, and the merge check must never use it on another server.`,
              'serverUrl',
            );
          }
        }
        const buildSource = request.buildSource ?? settings.buildSource;
        if (request.configurations.length > 0 && serverUrl.data === null && buildSource === 'teamcity') {
          return fail('invalid_input', NO_SERVER, 'serverUrl');
        }
        const known = new Map(settings.configurations.map((c) => [c.id, c]));
        const newIds = request.configurations.filter((c) => !known.has(c.id)).map((c) => c.id);
        const resolved = await resolveNew(caller, { ...settings, serverUrl: serverUrl.data, buildSource }, edge, newIds);
        if (!resolved.ok) return resolved;
        const configurations = request.configurations.map((c) => toStored(c, known.get(c.id), resolved.data.get(c.id)));
        const next = { serverUrl: serverUrl.data, buildSource, configurations };
        const summary = summarizeChange(settings, next);
        if (summary === null) return describe(caller, settings);
        const entry = { at: now().toISOString(), by: caller.person, summary };
        return saveAndDescribe(caller, withChange(settings, next, entry));
      }),

    setCredential: (edge: Caller, request: SetRepositoryCredentialRequest): Promise<Result<RepositorySettingsView>> =>
      withSettings(edge, 'admin', async (caller, settings) => {
        if (!settings.serverUrl) return fail('invalid_input', NO_SERVER, 'serverUrl');
        const saved = await tokens.add(repositoryCredentialOwner(caller.repositoryUuid), {
          serverUrl: settings.serverUrl,
          token: request.token,
        });
        if (!saved.ok) return saved;
        const { token, replaced } = saved.data;
        const entry = {
          at: token.createdAt,
          by: caller.person,
          summary: `Read credential ${replaced ? 'replaced' : 'added'} (TeamCity user ${token.teamcityUsername}).`,
        };
        const credential = { tokenId: token.id, addedBy: caller.person, addedAt: token.createdAt };
        return saveAndDescribe(caller, withChange(settings, { credential }, entry));
      }),

    checkCredential: (edge: Caller): Promise<Result<RepositorySettingsView>> =>
      withSettings(edge, 'admin', async (caller, settings) => {
        const id = credentialId(settings);
        if (id) {
          const checked = await tokens.check(repositoryCredentialOwner(caller.repositoryUuid), [id]);
          if (!checked.ok) return checked;
        }
        return describe(caller, settings);
      }),

    removeCredential: (edge: Caller): Promise<Result<RepositorySettingsView>> =>
      withSettings(edge, 'admin', async (caller, settings) => {
        const id = credentialId(settings);
        if (!id) return describe(caller, settings);
        const removed = await tokens.delete(repositoryCredentialOwner(caller.repositoryUuid), id);
        if (!removed.ok && removed.error.code !== 'token_not_found') return removed;
        const entry = { at: now().toISOString(), by: caller.person, summary: 'Read credential removed.' };
        return saveAndDescribe(caller, withChange(settings, { credential: null }, entry));
      }),

    discover: (edge: Caller): Promise<Result<DiscoveredConfigurationsView>> =>
      withSettings(edge, 'admin', async (caller, settings) => {
        const access = await credentialClient(caller, settings);
        if (!access.ok) return access;
        const found = await discover(edge, access.data.client);
        if (!found.ok) return found;
        await access.data.recordSuccess();
        return ok({ items: found.data.map(({ id, name, projectName }) => ({ id, name, projectName })) });
      }),
  };
};

export type RepositorySettingsService = ReturnType<typeof createRepositorySettingsService>;
