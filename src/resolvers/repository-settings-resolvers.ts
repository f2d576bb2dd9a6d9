import {
  emptyRequestSchema,
  getRepositorySettingsRequestSchema,
  REPOSITORY_SETTINGS_FUNCTIONS as F,
  saveRepositorySettingsRequestSchema,
  setRepositoryCredentialRequestSchema,
} from '../shared/repository-settings-schemas';
import type { RepositorySettingsService } from '../services/repository-settings-service';
import type { ResolverImplementations } from '../shared/resolver-contract';
import type { RepositorySettingsResolverKey } from '../shared/repository-settings-functions';
import { defineEndpoint } from './define-endpoint';

/** The repository settings page. The service checks the caller's repository permission with Bitbucket on every call. */
export const repositorySettingsResolvers = (
  settings: RepositorySettingsService,
): ResolverImplementations<RepositorySettingsResolverKey> => ({
  [F.getRepositorySettings]: defineEndpoint(F.getRepositorySettings, getRepositorySettingsRequestSchema, (_input, { accountId, context }) =>
    settings.get(context, accountId),
  ),
  [F.saveRepositorySettings]: defineEndpoint(
    F.saveRepositorySettings,
    saveRepositorySettingsRequestSchema,
    (input, { accountId, context }) => settings.save(context, accountId, input),
  ),
  [F.setRepositoryCredential]: defineEndpoint(
    F.setRepositoryCredential,
    setRepositoryCredentialRequestSchema,
    (input, { accountId, context }) => settings.setCredential(context, accountId, input),
  ),
  [F.checkRepositoryCredential]: defineEndpoint(F.checkRepositoryCredential, emptyRequestSchema, (_input, { accountId, context }) =>
    settings.checkCredential(context, accountId),
  ),
  [F.removeRepositoryCredential]: defineEndpoint(F.removeRepositoryCredential, emptyRequestSchema, (_input, { accountId, context }) =>
    settings.removeCredential(context, accountId),
  ),
  [F.discoverRepositoryConfigurations]: defineEndpoint(
    F.discoverRepositoryConfigurations,
    emptyRequestSchema,
    (_input, { accountId, context }) => settings.discover(context, accountId),
  ),
});
