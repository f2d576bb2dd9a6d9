/** The URL of a Custom UI frame: its resource, plus where it sits (the bridge sends these back with each call). */
import { moduleByKey } from '../runtime/local-modules';

export function frameUrl(moduleKey: string, place: { workspace?: string; repo?: string; pr?: number; branch?: string }): string {
  const module = moduleByKey(moduleKey);
  if (!module) throw new Error(`Unknown module ${moduleKey}`);
  const query = new URLSearchParams({ module: module.key });
  if (place.workspace) query.set('workspace', place.workspace);
  if (place.repo) query.set('repo', place.repo);
  if (place.pr !== undefined) query.set('pr', String(place.pr));
  if (place.branch !== undefined) query.set('branch', place.branch);
  if (module.closable) query.set('closable', '1');
  return `/__forge/resources/${module.resource}/?${query.toString()}`;
}
