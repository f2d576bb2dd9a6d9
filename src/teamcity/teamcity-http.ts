/**
 * One HTTP exchange with TeamCity: headers, timeout, no redirects, no cookies, and every outcome turned into a
 * Result. Nothing here retries: the caller decides, and POST /app/rest/buildQueue must never run twice.
 */
import type { ZodType } from 'zod';
import { fail, ok, type Result } from '../shared/result';
import { looksLikeHtml, looksLikeXml } from './teamcity-error-body';
import { httpFailure, redirectFailure, type RequestContext } from './teamcity-http-errors';
import { networkFailure } from './teamcity-network-errors';
import { displayUrl } from './teamcity-redact';

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export type HttpSettings = { serverUrl: string; token: string; fetch: FetchLike; timeoutMs: number };

export type TeamCityRequest<T> = {
  method: 'GET' | 'POST';
  /** Absolute REST path starting with /app/rest/, appended to the server URL (which may have a context path). */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  decoder: ZodType<T>;
  action: string;
  subject: string;
};

function buildUrl(serverUrl: string, path: string, query: Record<string, string> | undefined): string {
  const search = query && Object.keys(query).length > 0 ? `?${new URLSearchParams(query).toString()}` : '';
  return `${serverUrl}${path}${search}`;
}

type Received = { status: number; statusText: string; type: string; headers: Headers; body: string };

async function exchange(settings: HttpSettings, req: TeamCityRequest<unknown>, signal: AbortSignal): Promise<Received> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${settings.token}`,
    Accept: 'application/json',
  };
  if (req.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await settings.fetch(buildUrl(settings.serverUrl, req.path, req.query), {
    method: req.method,
    headers,
    ...(req.body !== undefined && { body: JSON.stringify(req.body) }),
    // Following a redirect would resend the token to wherever it points; a session cookie echoed back would
    // make TeamCity demand a CSRF token on POST. Neither is wanted.
    redirect: 'manual',
    credentials: 'omit',
    signal,
  });
  // Read inside the timeout: a server may send headers promptly and then stall the body.
  const body = await res.text();
  return { status: res.status, statusText: res.statusText, type: res.type, headers: res.headers, body };
}

function successBody<T>(got: Received, req: TeamCityRequest<T>, ctx: RequestContext): Result<T> {
  const contentType = (got.headers.get('content-type') ?? '').toLowerCase();
  const text = got.body.trim();
  const checkUrl = 'Check the server URL: it must be the address you open TeamCity at, including any path such as /teamcity.';
  const notTeamCity = (what: string) =>
    fail(
      'not_teamcity',
      `${ctx.server} answered ${got.status} with ${what} instead of TeamCity REST data, so it is probably not a TeamCity server ` +
        `or the address is incomplete. ${checkUrl}`,
    );
  if (contentType.includes('html') || looksLikeHtml(text)) return notTeamCity('a web page');
  if (contentType.includes('xml') || looksLikeXml(text)) {
    // TeamCity answers JSON whenever Accept asks for it; XML means something in between dropped the header.
    return fail(
      'not_teamcity',
      `${ctx.server} answered ${got.status} in XML although JSON was requested. TeamCity itself answers JSON, so a proxy ` +
        `in front of it may be rewriting requests, or this is not TeamCity. ${checkUrl}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return notTeamCity(text === '' ? 'an empty body' : 'something that is not JSON');
  }
  const parsed = req.decoder.safeParse(json);
  if (!parsed.success) {
    return notTeamCity(`JSON that does not describe the ${ctx.subject} the way TeamCity does`);
  }
  return ok(parsed.data);
}

export function classifyResponse<T>(got: Received, req: TeamCityRequest<T>, ctx: RequestContext): Result<T> {
  if (got.type === 'opaqueredirect' || (got.status >= 300 && got.status < 400)) {
    return { ok: false, error: redirectFailure(got.status, got.headers.get('location'), ctx) };
  }
  if (got.status >= 200 && got.status < 300) return successBody(got, req, ctx);
  return { ok: false, error: httpFailure(got, ctx) };
}

export async function requestTeamCity<T>(settings: HttpSettings, req: TeamCityRequest<T>): Promise<Result<T>> {
  const ctx: RequestContext = {
    server: displayUrl(settings.serverUrl),
    action: req.action,
    subject: req.subject,
    token: settings.token,
  };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, settings.timeoutMs);
  try {
    const got = await exchange(settings, req as TeamCityRequest<unknown>, controller.signal);
    return classifyResponse(got, req, ctx);
  } catch (thrown) {
    return { ok: false, error: networkFailure(thrown, ctx.server, timedOut, settings.timeoutMs) };
  } finally {
    clearTimeout(timer);
  }
}
