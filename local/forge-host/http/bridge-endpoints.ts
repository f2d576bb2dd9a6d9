/**
 * The server side of `window.__bridge`: `invoke` and `getContext` for a Custom UI frame.
 * The user comes from the session cookie; the extension from the frame's place in the shell.
 * Anything else in the body (an accountId, a context) is ignored, as Forge ignores it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DemoUser } from '../bitbucket/demo-data';
import { FrameError, extensionForFrame, frontendContext, type Extension, type FrameParams } from '../runtime/extension-context';
import { BodyError, readJsonBody } from './json-body';
import { sendJson } from './responses';

/** Forge caps invoke payloads at a few MB; this keeps a runaway page from filling memory. */
const MAX_BRIDGE_BODY = 5 * 1024 * 1024;

export type InvokeForUser = (user: DemoUser, functionKey: string, payload: unknown, extension: Extension) => Promise<unknown>;

export async function handleBridgeRequest(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  user: DemoUser,
  invoke: InvokeForUser,
): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { error: { message: 'Use POST.' } });
  // A custom header forces a CORS preflight, so other origins cannot drive the bridge with the session cookie.
  if (req.headers['x-forge-bridge'] !== '1' || !sameOrigin(req))
    return sendJson(res, 403, { error: { message: 'Bridge calls come from this host only.' } });
  try {
    const body = (await readJsonBody(req, MAX_BRIDGE_BODY)) as { frame?: unknown; functionKey?: unknown; payload?: unknown } | null;
    const extension = extensionForFrame(frameParams(body?.frame));
    if (url.pathname === '/__forge/bridge/context') return sendJson(res, 200, { context: frontendContext(user, extension) });
    if (url.pathname !== '/__forge/bridge/invoke') return sendJson(res, 404, { error: { message: 'Unknown bridge call.' } });
    if (typeof body?.functionKey !== 'string') return sendJson(res, 400, { error: { message: 'functionKey must be a string!' } });
    try {
      const result = await invoke(user, body.functionKey, body.payload, extension);
      return sendJson(res, 200, { result });
    } catch (error) {
      return sendJson(res, 500, { error: { message: error instanceof Error ? error.message : 'The function failed.' } });
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

function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
