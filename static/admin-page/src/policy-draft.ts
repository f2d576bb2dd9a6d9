/**
 * The admin page's unsaved edits. Servers are normalized as they are added, with the rule the backend enforces
 * (src/shared/server-url.ts), so the list shows what will be stored and duplicates are caught at once. Loopback http is
 * accepted here because only the backend knows whether it may be used; it says so when saving.
 */
import type { WorkspacePolicyResponse } from '../../../src/shared/schemas';
import { normalizeServerUrl } from '../../../src/shared/server-url';

export type PolicyDraft = { allowedServers: string[]; defaultServerUrl: string };

export const draftOf = (policy: WorkspacePolicyResponse): PolicyDraft => ({
  allowedServers: policy.allowedServers,
  defaultServerUrl: policy.defaultServerUrl ?? '',
});

const normalize = (input: string) => normalizeServerUrl(input, { allowHttpLoopback: true });

/**
 * The default server as the list spells it. It is typed by hand ("TC.example.com/"), while the list holds
 * normalized URLs; what cannot be normalized is returned as typed (the backend explains it on save).
 */
export function defaultServerOf(draft: PolicyDraft): string {
  const url = normalize(draft.defaultServerUrl);
  return url.ok ? url.data : draft.defaultServerUrl;
}

export function addServer(draft: PolicyDraft, input: string): { draft: PolicyDraft } | { error: string } {
  const url = normalize(input);
  if (!url.ok) return { error: url.error.message };
  if (draft.allowedServers.includes(url.data)) return { error: `${url.data} is already in the list.` };
  return { draft: { ...draft, allowedServers: [...draft.allowedServers, url.data] } };
}

/** Removing the default server also clears the default: it must stay one of the allowed servers. */
export const removeServer = (draft: PolicyDraft, serverUrl: string): PolicyDraft => ({
  allowedServers: draft.allowedServers.filter((s) => s !== serverUrl),
  defaultServerUrl: defaultServerOf(draft) === serverUrl ? '' : draft.defaultServerUrl,
});

export const isDirty = (draft: PolicyDraft, saved: WorkspacePolicyResponse): boolean =>
  JSON.stringify(draft) !== JSON.stringify(draftOf(saved));
