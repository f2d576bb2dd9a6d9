/**
 * Checks on caller input made before any request, so a bad value is reported against its field instead of
 * reaching TeamCity (or a locator) at all.
 */
import {
  INPUT_MESSAGES,
  MAX_BUILD_PARAMETERS,
  MAX_SEARCH_LENGTH,
  MAX_URL_LENGTH,
  branchNameProblem,
  commentProblem,
  hasControlCharacters,
  parameterNameProblem,
  parameterValueProblem,
} from '../shared/input-rules';
import { fail } from '../shared/result';
import { isValidBuildId, isValidBuildTypeId } from './teamcity-locator';
import type { PageRequest, TeamCityProperty } from './teamcity-types';

export type InputFailure = ReturnType<typeof fail>;

export const MAX_VCS_URLS = 20;
export const MAX_PAGE = 1000;
const DEFAULT_PAGE = 50;

export function checkBuildTypeId(id: unknown): InputFailure | undefined {
  if (isValidBuildTypeId(id)) return undefined;
  return fail('invalid_input', INPUT_MESSAGES.buildTypeIdInvalid, 'buildTypeId');
}

/** A repository's settings hold at most 50 configurations; ids beyond that did not come from them. */
export const MAX_ADDED_BUILD_TYPES = 50;

export function checkBuildTypeIds(ids: unknown): InputFailure | undefined {
  if (!Array.isArray(ids) || ids.length > MAX_ADDED_BUILD_TYPES) {
    return fail('invalid_input', `Name at most ${MAX_ADDED_BUILD_TYPES} build configurations.`, 'buildTypeIds');
  }
  return ids.map(checkBuildTypeId).find((bad) => bad !== undefined);
}

export function checkBuildId(id: unknown): InputFailure | undefined {
  if (isValidBuildId(id)) return undefined;
  return fail('invalid_input', 'That is not a TeamCity build id: it must be a positive whole number.', 'buildId');
}

/** The same rule as the build form's (input-rules.ts), so nothing the form refuses reaches TeamCity another way. */
export function checkBranch(branch: unknown): InputFailure | undefined {
  if (branch === undefined) return undefined;
  const problem = typeof branch === 'string' ? branchNameProblem(branch) : INPUT_MESSAGES.branchMissing;
  return problem === null ? undefined : fail('invalid_input', problem, 'branchName');
}

export function checkComment(comment: unknown, field = 'comment'): InputFailure | undefined {
  if (comment === undefined) return undefined;
  const problem = typeof comment === 'string' ? commentProblem(comment) : 'The comment must be text.';
  return problem === null ? undefined : fail('invalid_input', problem, field);
}

function propertyProblem(p: Partial<TeamCityProperty> | null): string | null {
  if (typeof p !== 'object' || p === null || typeof p.name !== 'string' || typeof p.value !== 'string') {
    return 'Each build parameter needs a name and a text value.';
  }
  return parameterNameProblem(p.name) ?? parameterValueProblem(p.value);
}

export function checkProperties(properties: unknown): InputFailure | undefined {
  if (properties === undefined) return undefined;
  if (!Array.isArray(properties)) return fail('invalid_input', 'Build parameters must be a list.', 'properties');
  if (properties.length > MAX_BUILD_PARAMETERS) {
    return fail('invalid_input', `A build takes at most ${MAX_BUILD_PARAMETERS} parameters, the pull request's included.`, 'properties');
  }
  const problem = properties.map(propertyProblem).find((p) => p !== null);
  return problem ? fail('invalid_input', problem, 'properties') : undefined;
}

export function checkSearchText(text: unknown): InputFailure | undefined {
  if (typeof text === 'string' && text.length <= MAX_SEARCH_LENGTH) return undefined;
  return fail('invalid_input', INPUT_MESSAGES.searchTooLong, 'text');
}

export function checkVcsUrls(urls: unknown): InputFailure | undefined {
  const valid =
    Array.isArray(urls) &&
    urls.length <= MAX_VCS_URLS &&
    urls.every((u) => typeof u === 'string' && u.trim() !== '' && u.length <= MAX_URL_LENGTH && !hasControlCharacters(u));
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
