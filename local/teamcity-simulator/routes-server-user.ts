import { isoDate, parseTcDate } from './dates';
import { badRequest, forbidden, notFound } from './errors';
import { userFull } from './render-user';
import { serverInfo, versionText } from './render-server';
import type { Route, RouteRequest } from './route-types';
import { DuplicateTokenError, type SimToken } from './tokens';

function tokenJson(t: SimToken, value?: string) {
  return { name: t.name, creationTime: isoDate(t.createdAt), expirationTime: t.expiresAt ? isoDate(t.expiresAt) : undefined, value };
}

/** Only the current user (or an administrator) may see a user; tokens are managed for "current" only here. */
function targetUser(req: RouteRequest) {
  const locator = req.params.user ?? 'current';
  if (locator === 'current') return req.user;
  const m = /^(?:id:(\d+)|username:(.+)|(.+))$/.exec(locator);
  const user = m?.[1] ? req.state.data.userById(Number(m[1])) : req.state.data.users.get(m?.[2] ?? m?.[3] ?? '');
  if (!user) throw notFound(`No user can be found by locator '${locator}'.`);
  if (user.id !== req.user.id && req.user.runBuild !== 'all') {
    throw forbidden(
      `User '${req.user.username}' (${req.user.name}) {id=${req.user.id}} does not have any of the permissions granted globally: [VIEW_USER_PROFILE (View user profile), CHANGE_USER (Modify user profile and roles)]`,
    );
  }
  return user;
}

function requireTokens(req: RouteRequest): void {
  if (!req.state.tokensSupported) throw notFound(`No resource for path '${req.path}'.`);
}

function createToken(req: RouteRequest, name: string | undefined, expirationTime: unknown) {
  requireTokens(req);
  const user = targetUser(req);
  if (!name) throw badRequest('Token name should not be empty');
  let expiresAt: number | undefined;
  if (expirationTime !== undefined) {
    expiresAt = typeof expirationTime === 'string' ? (parseTcDate(expirationTime) ?? undefined) : undefined;
    if (expiresAt === undefined) throw badRequest(`Could not parse expirationTime '${String(expirationTime)}'.`);
  }
  try {
    const token = req.state.tokens.create(user.username, name, expiresAt, req.ctx.now);
    return { entity: { root: 'token', body: tokenJson(token, token.value) } };
  } catch (e) {
    if (e instanceof DuplicateTokenError)
      throw badRequest(`Token with the same name '${name}' already exists for user '${user.username}'.`);
    throw e;
  }
}

export const serverUserRoutes: Route[] = [
  { method: 'GET', pattern: 'server', handle: (req) => ({ entity: { root: 'server', body: serverInfo(req.ctx, req.state.startedAt) } }) },
  { method: 'GET', pattern: 'server/version', handle: (req) => ({ text: versionText(req.ctx) }) },
  { method: 'GET', pattern: 'users/:user', handle: (req) => ({ entity: { root: 'user', body: userFull(targetUser(req), req.ctx) } }) },
  {
    method: 'GET',
    pattern: 'users/:user/tokens',
    handle: (req) => {
      requireTokens(req);
      const tokens = req.state.tokens.list(targetUser(req).username).map((t) => tokenJson(t));
      return { entity: { root: 'tokens', body: { count: tokens.length, token: tokens } } };
    },
  },
  {
    method: 'POST',
    pattern: 'users/:user/tokens/:name',
    handle: (req) => {
      const body = (req.body ?? {}) as { expirationTime?: unknown };
      return createToken(req, req.params.name, body.expirationTime);
    },
  },
  {
    method: 'POST',
    pattern: 'users/:user/tokens',
    handle: (req) => {
      const body = (req.body ?? {}) as { name?: unknown; expirationTime?: unknown };
      return createToken(req, typeof body.name === 'string' ? body.name : undefined, body.expirationTime);
    },
  },
  {
    method: 'DELETE',
    pattern: 'users/:user/tokens/:name',
    handle: (req) => {
      requireTokens(req);
      const user = targetUser(req);
      if (!req.state.tokens.deleteByName(user.username, req.params.name ?? '')) {
        throw notFound(`No token with name '${req.params.name}' found for user '${user.username}'.`);
      }
      return { status: 204 };
    },
  },
];
