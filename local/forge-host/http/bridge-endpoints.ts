/**
 * The server side of `window.__bridge`: `invoke` and `getContext` for a Custom UI frame, and `consent`, the
 * shell's "Allow access" button.
 * The user comes from the session cookie; the extension from the frame's place in the shell.
 * Anything else in the body (an accountId, a context) is ignored, as Forge ignores it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DemoUser } from '../bitbucket/demo-data';
import { FrameError, extensionForFrame, frontendContext, type Extension, type FrameParams } from '../runtime/extension-context';
import { InvocationTimeoutError } from '../runtime/resolver-runner';
import type { UserConsent } from '../runtime/user-consent';
import { isSameOrigin } from './request-origin';
import { BodyError, readJsonBody } from './json-body';
import { sendJson } from './responses';

/** Forge caps invoke payloads at a few MB; this keeps a runaway page from filling memory. */
const MAX_BRIDGE_BODY = 5 * 1024 * 1024;

export type InvokeForUser = (user: DemoUser, functionKey: string, payload: unknown, extension: Extension) => Promise<unknown>;

/**
 * How a failed invocation reaches the frame. A resolver that let @forge/api's NeedsAuthenticationError escape
 * gets the consent prompt (the shell shows it over the frame, bridge.js rejects the invoke); one cut off at the
 * invocation limit gets a failed invoke; anything else the error's message, as Forge's bridge does.
 */
export function invokeFailure(error: unknown): { status: number; body: { error: { message: string; code?: string } } } {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NEEDS_AUTHENTICATION_ERR')
    return { status: 401, body: { error: { code: 'NEEDS_AUTHENTICATION_ERR', message: 'Authentication Required' } } };
  if (error instanceof InvocationTimeoutError)
    return { status: 504, body: { error: { code: 'FUNCTION_TIMEOUT', message: error.message } } };
  return { status: 500, body: { error: { message: error instanceof Error ? error.message : 'The function failed.' } } };
}

export async function handleBridgeRequest(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  user: DemoUser,
  invoke: InvokeForUser,
  consent: UserConsent,
): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { error: { message: 'Use POST.' } });
  // A custom header forces a CORS preflight, so other origins cannot drive the bridge with the session cookie.
  if (req.headers['x-forge-bridge'] !== '1' || !isSameOrigin(req))
    return sendJson(res, 403, { error: { message: 'Bridge calls come from this host only.' } });
  try {
    if (url.pathname === '/__forge/bridge/consent') {
      consent.grant(user.accountId);
      return sendJson(res, 200, { granted: true });
    }
    const body = (await readJsonBody(req, MAX_BRIDGE_BODY)) as { frame?: unknown; functionKey?: unknown; payload?: unknown } | null;
    const extension = extensionForFrame(frameParams(body?.frame));
    if (url.pathname === '/__forge/bridge/context') return sendJson(res, 200, { context: frontendContext(user, extension) });
    if (url.pathname !== '/__forge/bridge/invoke') return sendJson(res, 404, { error: { message: 'Unknown bridge call.' } });
    if (typeof body?.functionKey !== 'string') return sendJson(res, 400, { error: { message: 'functionKey must be a string!' } });
    try {
      const result = await invoke(user, body.functionKey, body.payload, extension);
      return sendJson(res, 200, { result });
    } catch (error) {
      const failure = invokeFailure(error);
      return sendJson(res, failure.status, failure.body);
    }
  } catch (error) {
    if (error instanceof BodyError) return sendJson(res, error.status, { error: { message: error.message } });
    if (error instanceof FrameError) return sendJson(res, 400, { error: { message: error.message } });
    throw error;
  }
}

function frameParams(frame: unknown): FrameParams {
  const source = (frame && typeof frame === 'object' ? frame : {}) as Record<string, unknown>;
  const text = (name: string) => (typeof source[name] === 'string' ? (source[name] as string) : undefined);
  return {
    module: text('module') ?? '',
    workspace: text('workspace'),
    repo: text('repo'),
    pr: text('pr'),
    branch: text('branch'),
    modal: text('modal'),
  };
}
