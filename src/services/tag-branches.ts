/**
 * Which tags a build configuration builds, read from its VCS roots' branch specifications. TeamCity builds a tag
 * only through a Git root with "Use tags as branches" on and a `+:refs/tags/…` rule that covers it; the build's
 * branch is then the tag's logical name: the part in parentheses, else the part the `*` matched, else the whole
 * ref (JetBrains docs, "Working with Feature Branches" and "Git": "Use tags as branches"). As in TeamCity, the
 * last rule that matches a ref decides. Rules naming a %parameter% are skipped: their value is unknown here.
 */
import type { TeamCityVcsRootSettings } from '../teamcity/teamcity-types';

export type TagCoverage =
  /** `branchOf(tag)`: TeamCity's branch name for the tag, or undefined when the configuration does not build it. */
  | { state: 'covered'; branchOf: (tag: string) => string | undefined }
  | { state: 'not_covered' }
  /** TeamCity did not show (all) the VCS roots' settings to this token, so nobody can tell. */
  | { state: 'unknown' };

type TagRule = { include: boolean; regex: RegExp; logical: 'group' | 'star' | 'whole'; reachesTags: boolean };

const TAGS = 'refs/tags/';
const MAX_RULE_LENGTH = 1024;
/** A real specification has a few lines; a longer one is read only this far. */
const MAX_RULES = 200;
const escape = (s: string) => s.replace(/[.*?+^$[\]\\(){}|]/g, '\\$&');

function ruleOf(line: string): TagRule | undefined {
  const match = /^([+-]):(.+)$/.exec(line.trim());
  if (!match) return undefined;
  const [, sign, pattern] = match as unknown as [string, string, string];
  // TeamCity allows one * per rule; more (from a hostile server) would make the regex backtrack without end.
  if (pattern.includes('%') || pattern.length > MAX_RULE_LENGTH || pattern.split('*').length > 2) return undefined;
  const bare = pattern.replace(/[()]/g, '');
  // Whether some refs/tags/… ref can match: what comes before the wildcard agrees with refs/tags/.
  const prefix = bare.split('*')[0]!;
  const reachesTags = bare.includes('*') ? TAGS.startsWith(prefix) || prefix.startsWith(TAGS) : bare.startsWith(TAGS);
  const hasGroup = /\([^()]*\)/.test(pattern);
  let source = '';
  for (const ch of pattern) {
    if (ch === '*') source += hasGroup ? '.+' : '(.+)';
    else if (ch === '(') source += '(';
    else if (ch === ')') source += ')';
    else source += escape(ch);
  }
  try {
    const logical = hasGroup ? 'group' : bare.includes('*') ? 'star' : 'whole';
    return { include: sign === '+', regex: new RegExp(`^${source}$`), logical, reachesTags };
  } catch {
    return undefined;
  }
}

function branchOfRoot(rules: readonly TagRule[], tag: string): string | undefined {
  const ref = `${TAGS}${tag}`;
  let decided: { rule: TagRule; match: RegExpExecArray } | undefined;
  for (const rule of rules) {
    const match = rule.regex.exec(ref);
    if (match) decided = { rule, match };
  }
  if (!decided?.rule.include) return undefined;
  return decided.rule.logical === 'whole' ? ref : (decided.match[1] ?? ref);
}

const isGit = (root: TeamCityVcsRootSettings) => root.vcsName === undefined || root.vcsName === 'jetbrains.git';

export function tagCoverage(roots: readonly TeamCityVcsRootSettings[] | undefined): TagCoverage {
  if (roots === undefined) return { state: 'unknown' };
  const ruleSets = roots
    .filter((root) => root.settingsShown && root.tagsAsBranches && isGit(root))
    .map((root) =>
      (root.branchSpec ?? '')
        .split('\n')
        .slice(0, MAX_RULES)
        .map(ruleOf)
        .filter((rule): rule is TagRule => rule !== undefined),
    )
    .filter((rules) => rules.some((rule) => rule.include && rule.reachesTags));
  if (ruleSets.length > 0) {
    return { state: 'covered', branchOf: (tag) => ruleSets.map((rules) => branchOfRoot(rules, tag)).find((b) => b !== undefined) };
  }
  return roots.some((root) => !root.settingsShown) ? { state: 'unknown' } : { state: 'not_covered' };
}
