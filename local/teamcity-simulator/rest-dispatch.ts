import type { IncomingMessage, ServerResponse } from 'node:http';
import { AUTH_FAILURE_TEXT, authenticate } from './auth';
import { ApiError, errorBody, forbidden, notFound } from './errors';
import { type ResponseStyle, sendEntity, sendText, setRestHeaders } from './http-send';
import type { RenderContext } from './render-context';
import { approvalRoutes } from './routes-approvals';
import { buildRoutes } from './routes-builds';
import { buildResultRoutes } from './routes-build-results';
import { projectRoutes } from './routes-projects';
import { serverUserRoutes } from './routes-server-user';
import { type Route, type RouteReply, type SimState, matchPattern, splitSegments } from './route-types';

const ROUTES: Route[] = [...serverUserRoutes, ...projectRoutes, ...buildRoutes, ...approvalRoutes, ...buildResultRoutes];

/** /app/rest, /httpAuth/app/rest, optionally followed by /latest or a version such as /2018.1. */
const REST_PREFIX = /^((?:\/httpAuth)?\/app\/rest(?:\/latest|\/\d{4}\.\d+)?)(?=\/|$)/;

export function restPrefix(pathname: string): string | undefined {
  return REST_PREFIX.exec(pathname)?.[1];
}

export type RestCall = {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  body: unknown;
  state: SimState;
  rootUrl: string;
  style: ResponseStyle;
};

function sendReply(call: RestCall, reply: RouteReply): void {
  const status = reply.status ?? 200;
  if ('entity' in reply) return sendEntity(call.req, call.res, status, reply.entity.root, reply.entity.body);
  if ('text' in reply) return sendText(call.res, status, reply.text);
  call.res.statusCode = 204;
  call.res.end();
}

/** Authenticates and answers one REST request; returns whether the caller was authenticated (for the log). */
export function dispatchRest(call: RestCall, prefix: string): boolean {
  const { req, res, url, state } = call;
  setRestHeaders(res, call.style);
  const auth = authenticate(req.headers, state.data, state.tokens, state.tokensSupported);
  if ('failure' in auth) {
    res.setHeader('WWW-Authenticate', state.tokensSupported ? 'Basic realm="TeamCity", Bearer realm="TeamCity"' : 'Basic realm="TeamCity"');
    sendText(res, 401, AUTH_FAILURE_TEXT[auth.failure]);
    return false;
  }
  const ctx: RenderContext = { rootUrl: call.rootUrl, prefix, data: state.data, version: state.version, now: state.now(), user: auth.user };
  const segments = splitSegments(url.pathname.slice(prefix.length)).map((s) => decodeURIComponent(s));
  const method = (req.method ?? 'GET').toUpperCase();
  try {
    if (auth.user.accessDenied) throw forbidden(`User '${auth.user.username}' has no permissions on this server.`);
    let pathMatched = false;
    for (const route of ROUTES) {
      const params = matchPattern(route.pattern, segments);
      if (!params) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      sendReply(
        call,
        route.handle({ method, path: url.pathname, query: url.searchParams, body: call.body, user: auth.user, ctx, state, params }),
      );
      return true;
    }
    if (pathMatched) {
      sendText(res, 405, `HTTP method ${method} is not supported by this URL`);
      return true;
    }
    throw notFound(`No resource is found for path '${url.pathname}'. Check the URL is correct.`);
  } catch (e) {
    if (e instanceof ApiError) sendText(res, e.status, errorBody(e, state.version));
    else sendText(res, 500, errorBody(new ApiError('internal', e instanceof Error ? e.message : String(e)), state.version));
    return true;
  }
}
