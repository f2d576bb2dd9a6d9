/**
 * The `revision:` build locator dimension: builds of the given commit. TeamCity matches the revision's version
 * exactly (`revision:<sha>` or `revision:(version:<sha>)`); a build queued on a known revision (as a VCS trigger
 * queues it) matches too, although it lists no revisions until it starts.
 */
import type { SimBuild } from './builds';
import { first, parseLocator } from './locator';

export function revisionFilter(text: string | undefined): ((b: SimBuild) => boolean) | undefined {
  if (text === undefined) return undefined;
  const version = text.includes(':') ? first(parseLocator(text), 'version') : text;
  return (b) => version !== undefined && b.revision === version;
}
