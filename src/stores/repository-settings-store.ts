/**
 * A repository's TeamCity settings as one record, so a save is one write (all or nothing) and the merge check
 * reads everything it needs in one read. The credential's value is not here: it lives among the tokens
 * (token-store.ts) under the repository's owner key; this record only says who added it and when.
 */
import { kvs } from '@forge/kvs';
import { SETTINGS_HISTORY_LENGTH } from '../shared/repository-settings-functions';
import { storageKeys } from './storage-keys';

export type StoredConfiguration = {
  id: string;
  name: string;
  projectName: string;
  source: 'discovered' | 'added';
  shown: boolean;
  required: boolean;
  branchPattern: string | null;
};

export type Person = { accountId: string; name: string };

export type StoredSettingsChange = { at: string; by: Person; summary: string };

/** Where the merge check reads build results: TeamCity with the read credential, or Bitbucket's commit statuses. */
export type BuildSource = 'teamcity' | 'bitbucket';

export type StoredRepositorySettings = {
  serverUrl: string | null;
  buildSource: BuildSource;
  credential: { tokenId: string; addedBy: Person; addedAt: string } | null;
  configurations: StoredConfiguration[];
  history: StoredSettingsChange[];
  updatedAt: string | null;
};

export const EMPTY_SETTINGS: StoredRepositorySettings = {
  serverUrl: null,
  buildSource: 'teamcity',
  credential: null,
  configurations: [],
  history: [],
  updatedAt: null,
};

export const withChange = (
  settings: StoredRepositorySettings,
  change: Partial<Omit<StoredRepositorySettings, 'history' | 'updatedAt'>>,
  entry: StoredSettingsChange,
): StoredRepositorySettings => ({
  ...settings,
  ...change,
  history: [entry, ...settings.history].slice(0, SETTINGS_HISTORY_LENGTH),
  updatedAt: entry.at,
});

export const repositorySettingsStore = {
  async get(repositoryUuid: string): Promise<StoredRepositorySettings> {
    const stored = await kvs.get<StoredRepositorySettings>(storageKeys.repositorySettings(repositoryUuid));
    return stored ? { ...EMPTY_SETTINGS, ...stored } : EMPTY_SETTINGS;
  },

  async save(repositoryUuid: string, settings: StoredRepositorySettings): Promise<void> {
    await kvs.set(storageKeys.repositorySettings(repositoryUuid), settings);
  },
};

export type RepositorySettingsStore = typeof repositorySettingsStore;
