/**
 * The text Bitbucket shows under "TeamCity builds passed". It names every configuration that is not green with
 * its build number and state, shortest first, within MAX_MESSAGE: Forge's merge check docs define `message` as
 * an optional string and give no length, so it is kept short enough for the pull request's checks panel.
 */
import type { RevisionBuild } from '../teamcity/teamcity-revision-builds';

export const MAX_MESSAGE = 500;

export type ConfigurationOutcome =
  | { kind: 'passed'; name: string; build: RevisionBuild }
  | { kind: 'failed' | 'canceled' | 'running' | 'queued'; name: string; build: RevisionBuild }
  | { kind: 'missing'; name: string };

const number = (build: RevisionBuild) => (build.number && build.number !== 'N/A' ? ` #${build.number}` : '');

const describe = (o: ConfigurationOutcome): string => {
  switch (o.kind) {
    case 'passed':
      return `${o.name}${number(o.build)}`;
    case 'failed':
      return `${o.name}${number(o.build)} failed`;
    case 'canceled':
      return `${o.name}${number(o.build)} was canceled`;
    case 'running':
      return `${o.name}${number(o.build)} is still running`;
    case 'queued':
      return `${o.name} is queued`;
    case 'missing':
      return `${o.name} has no build of this commit`;
  }
};

export const truncate = (text: string, max = MAX_MESSAGE) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Lists items until the space runs out, then says how many more there are. */
function listWithin(prefix: string, items: string[], suffix: string): string {
  let text = prefix;
  for (const [index, item] of items.entries()) {
    const rest = items.length - index - 1;
    const candidate = `${text}${index === 0 ? '' : '; '}${item}`;
    const tail = rest > 0 ? `; and ${rest} more.` : '.';
    if ((candidate + tail + suffix).length > MAX_MESSAGE) return truncate(`${text}; and ${items.length - index} more.${suffix}`);
    text = candidate;
  }
  return truncate(`${text}.${suffix}`);
}

export function outcomeMessage(commit: string, outcomes: ConfigurationOutcome[]): { success: boolean; message: string } {
  const short = commit.slice(0, 12);
  const open = outcomes.filter((o) => o.kind !== 'passed');
  if (open.length === 0) {
    return { success: true, message: listWithin(`TeamCity builds passed on ${short}: `, outcomes.map(describe), '') };
  }
  const order = { failed: 0, canceled: 1, missing: 2, running: 3, queued: 4, passed: 5 } as const;
  const sorted = [...open].sort((a, b) => order[a.kind] - order[b.kind]);
  const waiting = open.every((o) => o.kind === 'running' || o.kind === 'queued');
  const suffix = waiting ? ' Re-run this check when they finish.' : '';
  return {
    success: false,
    message: listWithin(
      `${open.length} of ${outcomes.length} required TeamCity builds not passed on ${short}: `,
      sorted.map(describe),
      suffix,
    ),
  };
}
