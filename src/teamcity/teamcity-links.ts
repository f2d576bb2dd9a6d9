/**
 * Links into TeamCity that the app shows. A server's own `webUrl` is kept only when it is http(s) on the origin
 * of the server the token belongs to; otherwise (missing under a narrower `fields=`, another host, another scheme) the link is
 * built from the server URL the user entered, which is also the address that reaches TeamCity from the browser.
 */
import { teamCityLink } from '../shared/teamcity-link';

export type LinkContext = { serverUrl: string };

/** The one rule for links to TeamCity (src/shared/teamcity-link.ts), also applied where the UI renders them. */
const onServer = (raw: string | undefined, serverUrl: string): string | undefined => teamCityLink(raw, serverUrl);

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
