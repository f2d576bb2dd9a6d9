/**
 * The tail of a build log. TeamCity serves logs outside the REST API (/downloadBuildLog.html?buildId=N, which
 * accepts the same Bearer token), as plain text that can run to gigabytes, so this asks for the last bytes
 * only (Range: bytes=-N) and, should the server send everything anyway, stops reading after a bound.
 */
import { ok } from '../shared/result';
import { httpFailure, redirectFailure } from './teamcity-http-errors';
import { requestContext, teamCityError, withinTimeout, type HttpSettings, type TeamCityResult } from './teamcity-http';
import { scrubText } from './teamcity-scrub';
import type { TeamCityLogTail } from './teamcity-build-results-types';

const TAIL_BYTES = 64 * 1024;
/** Reading a whole log that ignores Range is cut off here; its tail is then the tail of what was read. */
const MAX_READ_BYTES = 4 * 1024 * 1024;
const MAX_LINE = 1000;

async function readBounded(response: Response): Promise<{ bytes: Uint8Array; complete: boolean }> {
  const reader = response.body?.getReader();
  if (!reader) return { bytes: new Uint8Array(), complete: true };
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes: concat(chunks, total), complete: true };
    chunks.push(value);
    total += value.length;
    // Keep only what the tail needs, so memory stays bounded too.
    while (chunks.length > 1 && total - chunks[0]!.length >= TAIL_BYTES) total -= chunks.shift()!.length;
    if (total > MAX_READ_BYTES) {
      await reader.cancel();
      return { bytes: concat(chunks, total), complete: false };
    }
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export async function readLogTail(settings: HttpSettings, buildId: number, lines: number): Promise<TeamCityResult<TeamCityLogTail>> {
  const ctx = requestContext(settings, `send the log of build ${buildId}`, `log of build ${buildId}`);
  return withinTimeout(settings, ctx, async (signal) => {
    const response = await settings.fetch(`${settings.serverUrl}/downloadBuildLog.html?buildId=${buildId}`, {
      method: 'GET',
      headers: { Authorization: `Bearer ${settings.token}`, Accept: 'text/plain', Range: `bytes=-${TAIL_BYTES}` },
      redirect: 'manual',
      credentials: 'omit',
      signal,
    });
    const statusText = ctx.scrub(response.statusText);
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      return teamCityError(redirectFailure({ status: response.status, statusText, headers: response.headers, body: '' }, ctx));
    }
    if (!response.ok) {
      // An error page is short; it is read within the same bound as the log itself.
      const { bytes } = await readBounded(response);
      const body = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
      return teamCityError(httpFailure({ status: response.status, statusText, headers: response.headers, body }, ctx));
    }
    const type = (response.headers.get('content-type') ?? '').toLowerCase();
    if (type.includes('html')) {
      return teamCityError({
        code: 'not_teamcity',
        server: ctx.server,
        action: ctx.action,
        subject: ctx.subject,
        status: response.status,
        cause: { kind: 'not_data', what: 'html' },
      });
    }
    const { bytes, complete } = await readBounded(response);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    // A ranged answer (206) or a cut-off read may start mid-line; that partial first line is dropped.
    const all = text.split(/\r?\n/);
    if (all.at(-1) === '') all.pop();
    const partial = response.status === 206 || !complete || bytes.length >= TAIL_BYTES;
    const whole = partial && all.length > 1 ? all.slice(1) : all;
    const tail = whole.slice(-lines).map((line) => scrubText(line, settings.token, MAX_LINE));
    return ok({ lines: tail, truncated: partial || whole.length > lines });
  });
}
