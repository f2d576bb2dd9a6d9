/**
 * The ways a TeamCity VCS root can spell a Bitbucket Cloud repository's URL. TeamCity compares them
 * case-insensitively (ignoreCase:true in the locator), so only structural variants are listed here.
 */
import { MAX_VCS_URLS } from '../teamcity/teamcity-input';

const HOST = 'bitbucket.org';

/** `user@` in an HTTPS clone URL names whoever copied it; the workspace slug and the clone links' users are the likely ones. */
const userOf = (url: string): string | undefined => /^https:\/\/([^@/:]+)@/i.exec(url)?.[1];

export function vcsUrlCandidates(fullName: string, cloneUrls: readonly string[], workspaceSlug?: string): string[] {
  const base = [
    `https://${HOST}/${fullName}.git`,
    `https://${HOST}/${fullName}`,
    `git@${HOST}:${fullName}.git`,
    `git@${HOST}:${fullName}`,
    `ssh://git@${HOST}/${fullName}.git`,
    `ssh://git@${HOST}/${fullName}`,
  ];
  const users = [...new Set([workspaceSlug, ...cloneUrls.map(userOf)].filter((u): u is string => !!u))];
  const withUser = users.flatMap((u) => [`https://${u}@${HOST}/${fullName}.git`, `https://${u}@${HOST}/${fullName}`]);
  const seen = new Set<string>();
  return [...cloneUrls, ...base, ...withUser]
    .filter((url) => {
      const key = url.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_VCS_URLS);
}
