/** One line for the settings history: what a save changed, in the words an admin would use. */
import type { BuildSource, StoredConfiguration } from '../stores/repository-settings-store';
import { displayUrl } from '../teamcity/teamcity-redact';

const MAX_SUMMARY = 300;
const names = (list: StoredConfiguration[]) => list.map((c) => c.name || c.id).join(', ');

export function summarizeChange(
  before: { serverUrl: string | null; buildSource: BuildSource; configurations: StoredConfiguration[] },
  after: { serverUrl: string | null; buildSource: BuildSource; configurations: StoredConfiguration[] },
): string | null {
  const parts: string[] = [];
  if (before.buildSource !== after.buildSource) {
    parts.push(after.buildSource === 'bitbucket' ? 'Merge check reads Bitbucket build statuses' : 'Merge check reads builds from TeamCity');
  }
  if (before.serverUrl !== after.serverUrl) {
    parts.push(after.serverUrl === null ? 'Server removed' : `Server set to ${displayUrl(after.serverUrl)}`);
  }
  const old = new Map(before.configurations.map((c) => [c.id, c]));
  const now = new Map(after.configurations.map((c) => [c.id, c]));
  const added = after.configurations.filter((c) => !old.has(c.id));
  const removed = before.configurations.filter((c) => !now.has(c.id));
  const kept = after.configurations.filter((c) => old.has(c.id));
  const nowRequired = kept.filter((c) => c.required && !old.get(c.id)!.required).concat(added.filter((c) => c.required));
  const noLongerRequired = kept.filter((c) => !c.required && old.get(c.id)!.required);
  const visibility = kept.filter((c) => c.shown !== old.get(c.id)!.shown);
  const patterns = kept.filter((c) => c.branchPattern !== old.get(c.id)!.branchPattern);
  if (added.length) parts.push(`Added ${names(added)}`);
  if (removed.length) parts.push(`Removed ${names(removed)}`);
  if (nowRequired.length) parts.push(`Required for merge: ${names(nowRequired)}`);
  if (noLongerRequired.length) parts.push(`No longer required: ${names(noLongerRequired)}`);
  if (visibility.length) parts.push(`Shown or hidden: ${names(visibility)}`);
  if (patterns.length) parts.push(`Target branches changed: ${names(patterns)}`);
  if (parts.length === 0) return null;
  const summary = parts.join('. ') + '.';
  return summary.length > MAX_SUMMARY ? `${summary.slice(0, MAX_SUMMARY - 1)}…` : summary;
}
