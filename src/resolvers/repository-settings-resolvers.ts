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
  [F.getRepositorySettings]: defineEndpoint(F.getRepositorySettings, getRepositorySettingsRequestSchema, (_input, caller) =>
    settings.get(caller),
  ),
  [F.saveRepositorySettings]: defineEndpoint(F.saveRepositorySettings, saveRepositorySettingsRequestSchema, (input, caller) =>
    settings.save(caller, input),
  ),
  [F.setRepositoryCredential]: defineEndpoint(F.setRepositoryCredential, setRepositoryCredentialRequestSchema, (input, caller) =>
    settings.setCredential(caller, input),
  ),
  [F.checkRepositoryCredential]: defineEndpoint(F.checkRepositoryCredential, emptyRequestSchema, (_input, caller) =>
    settings.checkCredential(caller),
  ),
  [F.removeRepositoryCredential]: defineEndpoint(F.removeRepositoryCredential, emptyRequestSchema, (_input, caller) =>
    settings.removeCredential(caller),
  ),
  [F.discoverRepositoryConfigurations]: defineEndpoint(F.discoverRepositoryConfigurations, emptyRequestSchema, (_input, caller) =>
    settings.discover(caller),
  ),
});
