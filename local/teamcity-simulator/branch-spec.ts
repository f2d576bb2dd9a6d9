/** Branch coverage by a TeamCity branch specification ("+:refs/heads/*", "+:refs/pull/(*)/head"). */

type Rule = { include: boolean; pattern: string; regex: RegExp };

const escape = (s: string) => s.replace(/[.*?+^$[\]\\(){}|]/g, '\\$&');

function toRule(line: string): Rule | null {
  const trimmed = line.trim();
  if (trimmed === '') return null;
  const include = !trimmed.startsWith('-:');
  const pattern = trimmed.replace(/^[+-]:/, '');
  const source = pattern
    .split('')
    .map((ch) => (ch === '*' ? '.+' : ch === '(' || ch === ')' ? '' : escape(ch)))
    .join('');
  return { include, pattern, regex: new RegExp(`^${source}$`) };
}

/** The full ref a logical name stands for under a rule: the logical name replaces the (group) or the '*'. */
function refFor(rule: Rule, logical: string): string | undefined {
  const group = /\([^)]*\)/.exec(rule.pattern);
  if (!group && !rule.pattern.includes('*')) return undefined;
  const withName = group ? rule.pattern.replace(group[0], logical) : rule.pattern.replace('*', logical);
  return withName.replace(/\*/g, 'x');
}

export function shortRefName(ref: string): string {
  return ref.replace(/^refs\/heads\//, '');
}

/**
 * Whether a branch name given to the REST API (logical name or full ref) is covered by the spec. The name is
 * expanded to the refs it can stand for under each rule; a ref counts when the last rule matching it includes
 * it, as in TeamCity. The VCS root's default branch is always covered. Which refs really exist is unknown here.
 */
export function branchMatches(spec: string, defaultBranch: string, branchName: string, tagsAsBranches = false): boolean {
  if (branchName === '<default>' || branchName === defaultBranch || branchName === shortRefName(defaultBranch)) return true;
  // Without "Use tags as branches" the Git plugin never offers a tag, whatever the spec says.
  const rules = spec
    .split('\n')
    .map(toRule)
    .filter((r): r is Rule => r !== null)
    .filter((r) => tagsAsBranches || !r.pattern.startsWith('refs/tags/'));
  // A full ref is taken as itself; anything else is a logical name.
  const candidates = branchName.startsWith('refs/')
    ? [branchName]
    : [branchName, ...rules.map((r) => refFor(r, branchName)).filter((r): r is string => r !== undefined)];
  return candidates.some((ref) => {
    let included = false;
    for (const rule of rules) if (rule.regex.test(ref)) included = rule.include;
    return included;
  });
}
