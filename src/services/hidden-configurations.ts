/**
 * Build configurations a repository admin hid in the repository's TeamCity settings (repository-settings-store.ts):
 * left out of the run dialog's list and the pull request panel for everybody. Ids are per TeamCity server, so they
 * apply only to the server the settings name. The settings are read once per call whatever the number of servers;
 * a storage failure hides nothing rather than failing the page.
 */
import { logEvent } from '../logging/log';
import type { RepositorySettingsStore } from '../stores/repository-settings-store';

/** The ids hidden on one server. */
export type HiddenOn = (serverUrl: string) => Set<string>;

const NOTHING: HiddenOn = () => new Set();

export async function readHiddenConfigurations(store: RepositorySettingsStore, repositoryUuid: string | null): Promise<HiddenOn> {
  if (repositoryUuid === null) return NOTHING;
  try {
    const settings = await store.get(repositoryUuid);
    const hidden = new Set(settings.configurations.filter((c) => !c.shown).map((c) => c.id));
    return (serverUrl) => (settings.serverUrl === serverUrl ? hidden : new Set());
  } catch (error) {
    logEvent('repository_settings_read_failed', { error: error instanceof Error ? error.name : typeof error });
    return NOTHING;
  }
}
