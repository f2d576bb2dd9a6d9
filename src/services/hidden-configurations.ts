/**
 * Build configurations a repository admin hid in the repository's TeamCity settings (repository-settings-store.ts):
 * left out of the run dialog's list and the pull request panel for everybody. Ids are per TeamCity server, so they
 * apply only to the server the settings name. A storage failure hides nothing rather than failing the page.
 */
import { logEvent } from '../logging/log';
import type { RepositorySettingsStore } from '../stores/repository-settings-store';

export type HiddenConfigurations = (repositoryUuid: string, serverUrl: string) => Promise<Set<string>>;

export const createHiddenConfigurations =
  (store: RepositorySettingsStore): HiddenConfigurations =>
  async (repositoryUuid, serverUrl) => {
    try {
      const settings = await store.get(repositoryUuid);
      if (settings.serverUrl !== serverUrl) return new Set();
      return new Set(settings.configurations.filter((c) => !c.shown).map((c) => c.id));
    } catch (error) {
      logEvent('repository_settings_read_failed', { error: error instanceof Error ? error.name : typeof error });
      return new Set();
    }
  };
