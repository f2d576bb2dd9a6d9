/**
 * TeamCity locators are `dimension:value` lists where `,` `:` `(` `)` are syntax, so a value taken from a user
 * (a branch name, a repository URL) could add dimensions of its own. Free text therefore always travels as
 * `($base64:<base64url>)`, which TeamCity's Locator decodes before matching (Locator.getBase64UnescapedSingleValue
 * in JetBrains/teamcity-rest); ids are validated against TeamCity's own id rules instead.
 */
import { BUILD_TYPE_ID } from '../shared/input-rules';

export function isValidBuildTypeId(id: unknown): id is string {
  return typeof id === 'string' && BUILD_TYPE_ID.test(id);
}

export function isValidBuildId(id: unknown): id is number {
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0;
}

/** A locator value that TeamCity reads back as exactly `text`, whatever characters it holds. */
export function locatorText(text: string): string {
  return `($base64:${Buffer.from(text, 'utf8').toString('base64url')})`;
}

/** `dimension:value` pairs joined as one locator; values must already be safe (ids, numbers, locatorText). */
export function locator(parts: ReadonlyArray<readonly [string, string | number | boolean]>): string {
  return parts.map(([dimension, value]) => `${dimension}:${String(value)}`).join(',');
}

/**
 * Build configurations using a VCS root whose `url` property equals one of `urls`, ignoring case.
 * vcsRootInstance (not vcsRoot) so roots whose URL is a %parameter% match by their resolved URL.
 */
export function vcsUrlCondition(urls: readonly string[]): string {
  const property = (url: string) =>
    `property:(${locator([
      ['name', 'url'],
      ['value', locatorText(url)],
      ['matchType', 'equals'],
      ['ignoreCase', true],
    ])})`;
  if (urls.length === 1) return `(${property(urls[0] as string)})`;
  return `(${urls.map((url) => `item:(${property(url)})`).join(',')})`;
}

/**
 * The configurations that build a repository: those using one of its URLs (vcsUrlCondition), and those a
 * repository admin added by id (repository settings) because their VCS roots name the repository another way.
 * A union of `item`s when there are ids, TeamCity's way to ask for several locators at once.
 */
export function repositoryBuildTypes(urls: readonly string[], alsoIds: readonly string[] = []): string {
  const byUrl = locator([['vcsRootInstance', vcsUrlCondition(urls)]]);
  if (alsoIds.length === 0) return byUrl;
  return locator([
    ...(urls.length > 0 ? [['item', `(${byUrl})`] as const] : []),
    ...alsoIds.map((id) => ['item', `(${locator([['id', id]])})`] as const),
  ]);
}
