/**
 * Links into TeamCity that the app shows. A server's own `webUrl` is kept only when it is http(s) on the host
 * the token belongs to; otherwise (missing under a narrower `fields=`, another host, another scheme) the link is
 * built from the server URL the user entered, which is also the address that reaches TeamCity from the browser.
 */
export type LinkContext = { serverUrl: string };

function onServer(raw: string | undefined, serverUrl: string): string | undefined {
  if (raw === undefined) return undefined;
  try {
    const link = new URL(raw);
    const server = new URL(serverUrl);
    if ((link.protocol === 'https:' || link.protocol === 'http:') && link.hostname === server.hostname && link.username === '')
      return link.href;
  } catch {
    // Not a URL: built from the server URL below.
  }
  return undefined;
}

export const buildLink = (
  ctx: LinkContext,
  id: number,
  queued: boolean,
  buildTypeId: string | undefined,
  raw: string | undefined,
): string =>
  onServer(raw, ctx.serverUrl) ??
  (queued
    ? `${ctx.serverUrl}/viewQueued.html?itemId=${id}`
    : `${ctx.serverUrl}/viewLog.html?buildId=${id}${buildTypeId ? `&buildTypeId=${encodeURIComponent(buildTypeId)}` : ''}`);

export const buildTypeLink = (ctx: LinkContext, id: string, raw: string | undefined): string =>
  onServer(raw, ctx.serverUrl) ?? `${ctx.serverUrl}/viewType.html?buildTypeId=${encodeURIComponent(id)}`;
