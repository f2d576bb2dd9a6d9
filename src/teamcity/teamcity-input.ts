/**
 * Checks on caller input made before any request, so a bad value is reported against its field instead of
 * reaching TeamCity (or a locator) at all.
 */
import { fail } from '../shared/result';
import { isValidBuildId, isValidBuildTypeId } from './teamcity-locator';
import type { PageRequest, TeamCityProperty } from './teamcity-types';

export type InputFailure = ReturnType<typeof fail>;

const MAX_BRANCH = 1024;
const MAX_COMMENT = 4096;
const MAX_PROPERTY_NAME = 1024;
const MAX_PROPERTY_VALUE = 65536;
const MAX_PROPERTIES = 200;
export const MAX_VCS_URLS = 20;
const MAX_URL = 2048;
export const MAX_PAGE = 1000;
const DEFAULT_PAGE = 50;

const hasControl = (text: string) => /[\u0000-\u001f\u007f]/.test(text); // eslint-disable-line no-control-regex -- control characters are what this finds

export function checkBuildTypeId(id: unknown): InputFailure | undefined {
  if (isValidBuildTypeId(id)) return undefined;
  return fail(
    'invalid_input',
    'That is not a TeamCity build configuration id: ids start with a Latin letter and contain only letters, digits and underscores (at most 225).',
    'buildTypeId',
  );
}

export function checkBuildId(id: unknown): InputFailure | undefined {
  if (isValidBuildId(id)) return undefined;
  return fail('invalid_input', 'That is not a TeamCity build id: it must be a positive whole number.', 'buildId');
}

export function checkBranch(branch: unknown): InputFailure | undefined {
  if (branch === undefined) return undefined;
  if (typeof branch === 'string' && branch.trim() !== '' && branch.length <= MAX_BRANCH && !hasControl(branch)) return undefined;
  return fail('invalid_input', `Enter a branch name of at most ${MAX_BRANCH} characters, without line breaks.`, 'branchName');
}

export function checkComment(comment: unknown, field = 'comment'): InputFailure | undefined {
  if (comment === undefined) return undefined;
  if (typeof comment === 'string' && comment.length <= MAX_COMMENT) return undefined;
  return fail('invalid_input', `The comment is too long (at most ${MAX_COMMENT} characters).`, field);
}

export function checkProperties(properties: unknown): InputFailure | undefined {
  if (properties === undefined) return undefined;
  const valid =
    Array.isArray(properties) &&
    properties.length <= MAX_PROPERTIES &&
    properties.every(
      (p: Partial<TeamCityProperty>) =>
        typeof p === 'object' &&
        p !== null &&
        typeof p.name === 'string' &&
        p.name.trim() !== '' &&
        p.name.length <= MAX_PROPERTY_NAME &&
        !hasControl(p.name) &&
        typeof p.value === 'string' &&
        p.value.length <= MAX_PROPERTY_VALUE,
    );
  if (valid) return undefined;
  return fail(
    'invalid_input',
    `Build parameters need a name (at most ${MAX_PROPERTY_NAME} characters, one line) and a text value; at most ${MAX_PROPERTIES} parameters.`,
    'properties',
  );
}

export function checkVcsUrls(urls: unknown): InputFailure | undefined {
  const valid =
    Array.isArray(urls) &&
    urls.length <= MAX_VCS_URLS &&
    urls.every((u) => typeof u === 'string' && u.trim() !== '' && u.length <= MAX_URL && !hasControl(u));
  if (valid) return undefined;
  return fail('invalid_input', `Repository URLs must be non-empty single-line text, at most ${MAX_VCS_URLS} of them.`, 'urls');
}

export function normalizePage(page: PageRequest | undefined): { start: number; count: number } | InputFailure {
  const start = page?.start ?? 0;
  const count = page?.count ?? DEFAULT_PAGE;
  if (!Number.isSafeInteger(start) || start < 0) {
    return fail('invalid_input', 'The page start must be a whole number of 0 or more.', 'start');
  }
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_PAGE) {
    return fail('invalid_input', `The page size must be a whole number from 1 to ${MAX_PAGE}.`, 'count');
  }
  return { start, count };
}
