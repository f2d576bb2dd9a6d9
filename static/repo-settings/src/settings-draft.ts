/** The admin's unsaved edits of the server and the build configurations, as pure functions for the page. */
import { branchPatternProblem } from '../../../src/shared/branch-pattern';
import { BUILD_TYPE_ID } from '../../../src/shared/input-rules';
import type { RepositoryConfigurationInput, RepositorySettingsView } from '../../../src/shared/repository-settings-schemas';
import { MAX_REPOSITORY_CONFIGURATIONS } from '../../../src/shared/repository-settings-functions';

export type DraftConfiguration = RepositoryConfigurationInput & {
  name: string;
  projectName: string;
  patternText: string;
  restrict: boolean;
};
export type SettingsDraft = { serverUrl: string; buildSource: 'teamcity' | 'bitbucket'; configurations: DraftConfiguration[] };

export const draftOf = (saved: RepositorySettingsView): SettingsDraft => ({
  serverUrl: saved.serverUrl ?? '',
  buildSource: saved.buildSource,
  configurations: saved.configurations.map((c) => ({
    ...c,
    patternText: c.branchPattern ?? '',
    restrict: c.branchPattern !== null,
  })),
});

export const toRequest = (draft: SettingsDraft) => ({
  serverUrl: draft.serverUrl.trim() === '' ? null : draft.serverUrl.trim(),
  buildSource: draft.buildSource,
  configurations: draft.configurations.map(({ id, shown, required, restrict, patternText }) => ({
    id,
    shown,
    required,
    branchPattern: required && restrict ? patternText.trim() : null,
  })),
});

export const isDirty = (draft: SettingsDraft, saved: RepositorySettingsView) =>
  JSON.stringify(toRequest(draft)) !== JSON.stringify(toRequest(draftOf(saved)));

export const patternProblem = (c: DraftConfiguration): string | null =>
  c.required && c.restrict ? branchPatternProblem(c.patternText.trim()) : null;

export function addConfiguration(
  draft: SettingsDraft,
  entry: { id: string; name?: string; projectName?: string },
): { draft: SettingsDraft } | { error: string } {
  const id = entry.id.trim();
  if (!BUILD_TYPE_ID.test(id))
    return { error: 'A build configuration id starts with a letter and has only letters, digits and underscores.' };
  if (draft.configurations.some((c) => c.id === id)) return { error: `${id} is already listed.` };
  if (draft.configurations.length >= MAX_REPOSITORY_CONFIGURATIONS)
    return { error: `At most ${MAX_REPOSITORY_CONFIGURATIONS} build configurations.` };
  const added: DraftConfiguration = {
    id,
    name: entry.name ?? id,
    projectName: entry.projectName ?? '',
    shown: true,
    required: false,
    branchPattern: null,
    patternText: '',
    restrict: false,
  };
  return { draft: { ...draft, configurations: [...draft.configurations, added] } };
}

export const updateConfiguration = (draft: SettingsDraft, id: string, change: Partial<DraftConfiguration>): SettingsDraft => ({
  ...draft,
  configurations: draft.configurations.map((c) => (c.id === id ? { ...c, ...change } : c)),
});

export const removeConfiguration = (draft: SettingsDraft, id: string): SettingsDraft => ({
  ...draft,
  configurations: draft.configurations.filter((c) => c.id !== id),
});
