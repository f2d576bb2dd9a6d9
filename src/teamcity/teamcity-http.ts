/**
 * One HTTP exchange with TeamCity: headers, timeout, no redirects, no cookies, a bounded body, and every outcome
 * turned into a Result. This is where the server's answer enters the app: the reason phrase, the headers we read
 * and every string of the body are scrubbed of the token and bounded here, before decoding, so nothing past
 * this file sees them raw. Nothing here retries: the caller decides, and POST /app/rest/buildQueue must never
 * run twice.
 */
import type { ZodType } from 'zod';
import { ok, type Result } from '../shared/result';
import { readBoundedBody, type BodyRead } from './teamcity-body';
import { looksLikeHtml, looksLikeXml } from './teamcity-error-body';
import type { NotDataKind, TeamCityError, TeamCityFailure } from './teamcity-error';
import { teamCityMessage } from './teamcity-error-messages';
import { httpFailure, redirectFailure, type RequestContext } from './teamcity-http-errors';
import { networkCause, whereOf } from './teamcity-network-errors';
import { displayUrl, safeDetail, scrubberFor, scrubJson } from './teamcity-redact';

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export type HttpSettings = { serverUrl: string; token: string; fetch: FetchLike; timeoutMs: number; maxResponseBytes?: number };

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

export type TeamCityResult<T> = Result<T, TeamCityError>;

/** A failure as the client hands it on: the facts and their default wording. */
export const teamCityError = (failure: TeamCityFailure): { ok: false; error: TeamCityError } => ({
  ok: false,
  error: { code: failure.code, message: teamCityMessage(failure), teamcity: failure },
});

function buildUrl(serverUrl: string, path: string, query: Record<string, string> | undefined): string {
  const search = query && Object.keys(query).length > 0 ? `?${new URLSearchParams(query).toString()}` : '';
  return `${serverUrl}${path}${search}`;
}

type Received = { status: number; statusText: string; headers: Headers; redirected: boolean; body: BodyRead };

const MAX_STATUS_TEXT = 100;

async function exchange(
  settings: HttpSettings,
  req: TeamCityRequest<unknown>,
  ctx: RequestContext,
  signal: AbortSignal,
): Promise<Received> {
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
  const statusText = safeDetail(res.statusText, ctx.scrub, MAX_STATUS_TEXT) ?? '';
  const redirected = res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400);
  // Read inside the timeout: a server may send headers promptly and then stall the body.
  const body: BodyRead = redirected
    ? (await res.body?.cancel().catch(() => undefined), { ok: true, text: '' })
    : await readBoundedBody(res, settings.maxResponseBytes);
  return { status: res.status, statusText, headers: res.headers, redirected, body };
}

function successBody<T>(got: Received, text: string, req: TeamCityRequest<T>, ctx: RequestContext): TeamCityResult<T> {
  const contentType = (got.headers.get('content-type') ?? '').toLowerCase();
  const trimmed = text.trim();
  const notData = (what: NotDataKind) =>
    teamCityError({
      code: 'not_teamcity',
      server: ctx.server,
      action: ctx.action,
      subject: ctx.subject,
      status: got.status,
      ...(got.statusText !== '' && { statusText: got.statusText }),
      cause: { kind: 'not_data', what },
    });
  if (contentType.includes('html') || looksLikeHtml(trimmed)) return notData('html');
  if (contentType.includes('xml') || looksLikeXml(trimmed)) return notData('xml');
  let json: unknown;
  try {
    json = scrubJson(JSON.parse(trimmed), ctx.scrub);
  } catch (thrown) {
    return notData(thrown instanceof RangeError ? 'shape' : trimmed === '' ? 'empty' : 'not_json');
  }
  const parsed = req.decoder.safeParse(json);
  return parsed.success ? ok(parsed.data) : notData('shape');
}

function classifyResponse<T>(got: Received, req: TeamCityRequest<T>, ctx: RequestContext): TeamCityResult<T> {
  if (!got.body.ok) {
    return teamCityError({
      code: 'response_too_large',
      server: ctx.server,
      action: ctx.action,
      subject: ctx.subject,
      status: got.status,
      cause: { kind: 'too_large', limitBytes: got.body.limitBytes },
    });
  }
  const res = { status: got.status, statusText: got.statusText, headers: got.headers, body: got.body.text };
  if (got.redirected) return teamCityError(redirectFailure(res, ctx));
  if (got.status >= 200 && got.status < 300) return successBody(got, got.body.text, req, ctx);
  return teamCityError(httpFailure(res, ctx));
}

/** What messages about one request say: where it went and what it was for, and how to scrub what came back. */
export const requestContext = (settings: HttpSettings, action: string, subject: string): RequestContext => ({
  server: displayUrl(settings.serverUrl),
  action,
  subject,
  scrub: scrubberFor(settings.token),
});

/**
 * Runs one exchange within the request's timeout (which covers reading the body: a server may send headers
 * promptly and then stall) and turns whatever it throws into the network, TLS or timeout failure it stands for.
 */
export async function withinTimeout<T>(
  settings: HttpSettings,
  ctx: RequestContext,
  run: (signal: AbortSignal) => Promise<TeamCityResult<T>>,
): Promise<TeamCityResult<T>> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, settings.timeoutMs);
  try {
    return await run(controller.signal);
  } catch (thrown) {
    const { code, cause } = networkCause(thrown, whereOf(settings.serverUrl), timedOut, settings.timeoutMs);
    return teamCityError({ code, server: ctx.server, action: ctx.action, subject: ctx.subject, cause });
  } finally {
    clearTimeout(timer);
  }
}

export async function requestTeamCity<T>(settings: HttpSettings, req: TeamCityRequest<T>): Promise<TeamCityResult<T>> {
  const ctx = requestContext(settings, req.action, req.subject);
  return withinTimeout(settings, ctx, async (signal) =>
    classifyResponse(await exchange(settings, req as TeamCityRequest<unknown>, ctx, signal), req, ctx),
  );
}
