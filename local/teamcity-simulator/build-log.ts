/**
 * GET /downloadBuildLog.html?buildId=N: the build log as plain text, the way TeamCity serves it outside the
 * REST API (with the same token authentication). `Range: bytes=-N` is honoured so a client can read the tail.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AUTH_FAILURE_TEXT, authenticate } from './auth';
import { logOf } from './build-results';
import { sendText } from './http-send';
import type { SimState } from './route-types';

export function sendBuildLog(req: IncomingMessage, res: ServerResponse, url: URL, state: SimState): boolean {
  const auth = authenticate(req.headers, state.data, state.tokens, state.tokensSupported);
  if ('failure' in auth) {
    sendText(res, 401, AUTH_FAILURE_TEXT[auth.failure]);
    return false;
  }
  const id = Number(url.searchParams.get('buildId'));
  const build = Number.isSafeInteger(id) ? state.data.builds.get(id) : undefined;
  if (!build) {
    sendText(res, 404, `Build with id ${url.searchParams.get('buildId') ?? ''} not found`);
    return true;
  }
  const text = Buffer.from(logOf(build, Date.now()).join('\n') + '\n', 'utf8');
  const range = /^bytes=-(\d+)$/.exec(String(req.headers.range ?? ''));
  if (range) {
    const start = Math.max(0, text.length - Number(range[1]));
    res.writeHead(206, {
      'Content-Type': 'text/plain;charset=UTF-8',
      'Content-Range': `bytes ${start}-${text.length - 1}/${text.length}`,
    });
    res.end(text.subarray(start));
    return true;
  }
  res.writeHead(200, { 'Content-Type': 'text/plain;charset=UTF-8' });
  res.end(text);
  return true;
}
