import type { IncomingMessage, ServerResponse } from 'node:http';
import { FAULTS, type FaultRegistry } from './faults';
import { send } from './http-send';
import type { SimState } from './route-types';
import type { FaultMatch, RequestLogEntry, SimFault } from './types';

export type ControlDeps = { state: SimState; faults: FaultRegistry; requests: RequestLogEntry[]; clearRequests: () => void };

const json = (res: ServerResponse, status: number, body: unknown) => send(res, status, 'application/json', JSON.stringify(body));

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function isLoopback(req: IncomingMessage): boolean {
  return LOOPBACK.has(req.socket.remoteAddress ?? '');
}

function faultMatch(body: Record<string, unknown>): FaultMatch {
  const pathRegex = typeof body.pathRegex === 'string' ? new RegExp(body.pathRegex) : undefined;
  return {
    path: pathRegex ?? (typeof body.path === 'string' ? body.path : undefined),
    method: typeof body.method === 'string' ? body.method : undefined,
    times: typeof body.times === 'number' ? body.times : undefined,
    delayMs: typeof body.delayMs === 'number' ? body.delayMs : undefined,
  };
}

/**
 * /__sim/ endpoints for manual use from a browser or curl; answered only to loopback clients.
 * Token creation here exists so a browser test can get a token without knowing a password.
 */
export function handleControl(req: IncomingMessage, res: ServerResponse, pathname: string, body: unknown, deps: ControlDeps): void {
  if (!isLoopback(req)) return json(res, 404, { error: 'not found' });
  const method = (req.method ?? 'GET').toUpperCase();
  const b = (body !== null && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const route = `${method} ${pathname.replace(/\/+$/, '')}`;
  try {
    switch (route) {
      case 'GET /__sim':
        return json(res, 200, {
          endpoints: ['GET/POST/DELETE /__sim/faults', 'GET/DELETE /__sim/requests', 'POST /__sim/tokens', 'POST /__sim/paused'],
          faults: FAULTS,
        });
      case 'GET /__sim/faults':
        return json(res, 200, { faults: deps.faults.list() });
      case 'POST /__sim/faults': {
        const fault = b.fault as SimFault;
        if (!FAULTS.includes(fault)) return json(res, 400, { error: `fault must be one of ${FAULTS.join(', ')}` });
        deps.faults.set(fault, faultMatch(b));
        return json(res, 200, { faults: deps.faults.list() });
      }
      case 'DELETE /__sim/faults':
        deps.faults.set(null);
        return json(res, 200, { faults: [] });
      case 'GET /__sim/requests':
        return json(res, 200, { count: deps.requests.length, requests: deps.requests });
      case 'DELETE /__sim/requests':
        deps.clearRequests();
        return json(res, 200, { count: 0 });
      case 'POST /__sim/tokens': {
        const username = typeof b.username === 'string' ? b.username : 'admin';
        if (!deps.state.data.users.has(username)) return json(res, 404, { error: `unknown user ${username}` });
        const name = typeof b.name === 'string' ? b.name : `sim-${Date.now()}`;
        const expiresAt = typeof b.expiresAt === 'string' ? Date.parse(b.expiresAt) : undefined;
        const token = deps.state.tokens.create(username, name, expiresAt);
        return json(res, 200, { name: token.name, value: token.value });
      }
      case 'POST /__sim/paused': {
        deps.state.data.setPaused(String(b.buildTypeId), b.paused === true);
        return json(res, 200, { buildTypeId: b.buildTypeId, paused: b.paused === true });
      }
      default:
        return json(res, 404, { error: `no control endpoint ${route}` });
    }
  } catch (e) {
    return json(res, 400, { error: e instanceof Error ? e.message : String(e) });
  }
}
