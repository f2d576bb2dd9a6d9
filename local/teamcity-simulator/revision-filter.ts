/**
 * The `revision:` build locator dimension: builds of the given commit. TeamCity matches the revision's version
 * exactly (`revision:<sha>` or `revision:(version:<sha>)`). A started build matches on the commit it checked out;
 * a queued one lists no revisions yet, but one queued on a known commit (as a VCS trigger or a trigger from
 * Bitbucket queues it) matches on that commit.
 */
import { revisionOf } from './build-results';
import { viewBuild, type SimBuild } from './builds';
import type { SimulatorData } from './data';
import { first, parseLocator } from './locator';

export function revisionFilter(data: SimulatorData, text: string | undefined, now: number): ((b: SimBuild) => boolean) | undefined {
  if (text === undefined) return undefined;
  const version = (text.includes(':') ? first(parseLocator(text), 'version') : text)?.toLowerCase();
  if (version === undefined) return () => false;
  return (b) =>
    viewBuild(b, now).state === 'queued' ? b.revision?.toLowerCase() === version : revisionOf(data, b).toLowerCase() === version;
}
