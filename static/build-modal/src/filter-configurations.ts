/**
 * The search box's filter on configurations already loaded: instant while typing, and the only filter for
 * the repository scope, whose short list the backend returns whole. Every word must appear in the
 * configuration's or its project's name.
 */
import type { BuildConfigurationView } from '../../../src/shared/schemas';

export function filterConfigurations(configurations: BuildConfigurationView[], search: string): BuildConfigurationView[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return configurations;
  return configurations.filter((c) => {
    const haystack = `${c.projectName} ${c.name} ${c.id}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
