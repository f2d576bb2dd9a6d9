/**
 * What a repository admin chose in the repository's TeamCity settings (repository-settings-store.ts) about which
 * build configurations belong to the repository: the ones they hid (left out of the run dialog's list and the pull
 * request panel for everybody) and the ones they added by id (whose VCS roots name the repository in a way its
 * URLs do not find, listed with the discovered ones). Ids are per TeamCity server, so both apply only to the
 * server the settings name. The settings are read once per call whatever the number of servers; a storage
 * failure hides and adds nothing rather than failing the page.
 */
import { logEvent } from '../logging/log';
import type { RepositorySettingsStore } from '../stores/repository-settings-store';

export type ConfigurationChoices = {
  /** The ids hidden on one server. */
  hiddenOn: (serverUrl: string) => Set<string>;
  /** The ids added by id and shown, on one server. */
  addedOn: (serverUrl: string) => string[];
};

const NOTHING: ConfigurationChoices = { hiddenOn: () => new Set(), addedOn: () => [] };

export async function readConfigurationChoices(
  store: RepositorySettingsStore,
  repositoryUuid: string | null,
): Promise<ConfigurationChoices> {
  if (repositoryUuid === null) return NOTHING;
  try {
    const settings = await store.get(repositoryUuid);
    const hidden = new Set(settings.configurations.filter((c) => !c.shown).map((c) => c.id));
    const added = settings.configurations.filter((c) => c.shown && c.source === 'added').map((c) => c.id);
    const onServer = (serverUrl: string) => settings.serverUrl === serverUrl;
    return {
      hiddenOn: (serverUrl) => (onServer(serverUrl) ? hidden : new Set()),
      addedOn: (serverUrl) => (onServer(serverUrl) ? added : []),
    };
  } catch (error) {
    logEvent('repository_settings_read_failed', { error: error instanceof Error ? error.name : typeof error });
    return NOTHING;
  }
}
