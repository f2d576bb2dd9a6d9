/** Build configurations under their project's name, projects in the order TeamCity listed them. */
import type { BuildConfigurationView } from '../../../src/shared/schemas';

export type ProjectGroup = { projectId: string; projectName: string; configurations: BuildConfigurationView[] };

export function groupByProject(configurations: BuildConfigurationView[]): ProjectGroup[] {
  const groups = new Map<string, ProjectGroup>();
  for (const configuration of configurations) {
    let group = groups.get(configuration.projectId);
    if (!group) {
      group = { projectId: configuration.projectId, projectName: configuration.projectName, configurations: [] };
      groups.set(configuration.projectId, group);
    }
    group.configurations.push(configuration);
  }
  return [...groups.values()];
}
