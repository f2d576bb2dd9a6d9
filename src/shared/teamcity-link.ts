/**
 * The one rule for every link to TeamCity, in the views the backend builds and in the UI that renders them. A
 * TeamCity server is untrusted input: the URLs it sends (`webUrl`, `href`) can be `javascript:` or `data:` URLs, or
 * point anywhere. Only http(s) URLs on the token's own server (same origin after URL parsing) become links.
 * Kept free of zod and of Node APIs, so the Custom UI bundles can import it.
 */

const WEB_PROTOCOLS = new Set(['http:', 'https:']);

/** An absolute http(s) URL without credentials; relative and protocol-relative input is refused, not resolved. */
const parseWebUrl = (value: string): URL | undefined => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (!WEB_PROTOCOLS.has(url.protocol) || url.username !== '' || url.password !== '') return undefined;
  return url;
};

/**
 * `url` as it may be rendered as a link (the parsed, normalized form), or undefined when it must not be one.
 * Origins are compared after parsing, so case, default ports and IPv6 spellings cannot tell them apart; the
 * server's context path (https://host/teamcity) is not part of its origin.
 */
export function teamCityLink(url: string | undefined, serverUrl: string): string | undefined {
  if (typeof url !== 'string' || url === '') return undefined;
  const link = parseWebUrl(url);
  const server = parseWebUrl(serverUrl);
  if (!link || !server || link.origin !== server.origin) return undefined;
  return link.href;
}
