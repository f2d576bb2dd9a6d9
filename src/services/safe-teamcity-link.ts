/**
 * A link from TeamCity is shown only if it is http(s) and on the token's own server (same origin, under its
 * context path): a hostile server cannot make the page link to javascript:, data: or somewhere else.
 * Stands in for src/shared/teamcity-link.ts (teamCityLink), which another branch adds; fold into it at merge.
 */
export function safeTeamCityLink(url: string | undefined, serverUrl: string): string | undefined {
  if (url === undefined || url === '') return undefined;
  let link: URL;
  let server: URL;
  try {
    link = new URL(url);
    server = new URL(serverUrl);
  } catch {
    return undefined;
  }
  if (link.protocol !== 'https:' && link.protocol !== 'http:') return undefined;
  if (link.origin !== server.origin || link.username !== '' || link.password !== '') return undefined;
  const base = server.pathname.replace(/\/+$/, '');
  if (base !== '' && link.pathname !== base && !link.pathname.startsWith(`${base}/`)) return undefined;
  return link.href;
}
