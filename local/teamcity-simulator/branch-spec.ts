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
function refFor(rule: Rule, logical: string): string {
  const group = /\([^)]*\)/.exec(rule.pattern);
  const withName = group ? rule.pattern.replace(group[0], logical) : rule.pattern.replace('*', logical);
  return withName.replace(/\*/g, 'x');
}

export function shortRefName(ref: string): string {
  return ref.replace(/^refs\/heads\//, '');
}

/**
 * Whether a branch name given to the REST API (logical name or full ref) is covered by the spec;
 * the VCS root's default branch is always covered, and the last matching rule wins as in TeamCity.
 */
export function branchMatches(spec: string, defaultBranch: string, branchName: string): boolean {
  if (branchName === '<default>' || branchName === defaultBranch || branchName === shortRefName(defaultBranch)) return true;
  let matched = false;
  for (const rule of spec.split('\n').map(toRule)) {
    if (rule && (rule.regex.test(branchName) || rule.regex.test(refFor(rule, branchName)))) matched = rule.include;
  }
  return matched;
}
