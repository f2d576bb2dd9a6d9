import { locatorError } from './errors';
import { type Locator, first, parseLocator } from './locator';

/** TeamCity's property:(name:..,value:..,matchType:..,ignoreCase:..) condition. */
export type PropertyCondition = { name: string; value?: string; matchType: string; ignoreCase: boolean };

const MATCH_TYPES = [
  'equals',
  'does-not-equal',
  'contains',
  'does-not-contain',
  'starts-with',
  'ends-with',
  'exists',
  'not-exists',
  'matches',
  'any',
];

export function parsePropertyCondition(text: string): PropertyCondition {
  const loc: Locator = parseLocator(text);
  const name = first(loc, 'name');
  if (name === undefined) throw locatorError(`Invalid property locator '${text}': dimension 'name' is required.`);
  const value = first(loc, 'value');
  const matchType = first(loc, 'matchType') ?? (value === undefined ? 'exists' : 'equals');
  if (!MATCH_TYPES.includes(matchType)) {
    throw locatorError(`Unsupported matchType '${matchType}'. Supported are: ${MATCH_TYPES.join(', ')}`);
  }
  return { name, value, matchType, ignoreCase: first(loc, 'ignoreCase') === 'true' };
}

export function matchesCondition(cond: PropertyCondition, actual: string | undefined): boolean {
  if (cond.matchType === 'any') return true;
  if (cond.matchType === 'exists') return actual !== undefined;
  if (cond.matchType === 'not-exists') return actual === undefined;
  if (actual === undefined) return false;
  const a = cond.ignoreCase ? actual.toLowerCase() : actual;
  const v = cond.ignoreCase ? (cond.value ?? '').toLowerCase() : (cond.value ?? '');
  switch (cond.matchType) {
    case 'equals':
      return a === v;
    case 'does-not-equal':
      return a !== v;
    case 'contains':
      return a.includes(v);
    case 'does-not-contain':
      return !a.includes(v);
    case 'starts-with':
      return a.startsWith(v);
    case 'ends-with':
      return a.endsWith(v);
    case 'matches':
      return new RegExp(cond.value ?? '', cond.ignoreCase ? 'i' : '').test(actual);
    default:
      return false;
  }
}
