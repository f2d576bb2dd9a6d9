/**
 * The workspace's TeamCity policy. Forge storage belongs to one installation, and a Bitbucket installation is one
 * workspace, so a single record serves the whole workspace.
 */
import { kvs } from '@forge/kvs';
import { OPEN_POLICY, type ServerPolicy } from '../shared/server-policy';
import { storageKeys } from './storage-keys';

export type StoredPolicy = ServerPolicy & { updatedAt: string | null };

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** An older or hand-edited record must not lock everybody out or let everybody in by accident. */
const sanitize = (value: unknown): StoredPolicy => {
  if (!value || typeof value !== 'object') return { ...OPEN_POLICY, updatedAt: null };
  const raw = value as Record<string, unknown>;
  return {
    allowedServers: strings(raw.allowedServers),
    defaultServerUrl: typeof raw.defaultServerUrl === 'string' ? raw.defaultServerUrl : null,
    updatedAt: typeof raw.updatedAt === 'string' ? raw.updatedAt : null,
  };
};

export const policyStore = {
  async get(): Promise<StoredPolicy> {
    return sanitize(await kvs.get<unknown>(storageKeys.workspacePolicy()));
  },

  async save(policy: StoredPolicy): Promise<void> {
    await kvs.set(storageKeys.workspacePolicy(), policy);
  },
};

export type PolicyStore = typeof policyStore;
