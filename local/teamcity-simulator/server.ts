import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { handleControl } from './control-routes';
import { SimulatorData } from './data';
import { seedDemo } from './demo-seed';
import { sendFault } from './fault-responses';
import { FaultRegistry } from './faults';
import { type ResponseStyle, sendHtml } from './http-send';
import { sendBuildLog } from './build-log';
import { dispatchRest, restPrefix } from './rest-dispatch';
import type { SimState } from './route-types';
import { TokenStore } from './tokens';
import type { RequestLogEntry, SimulatorOptions, SimulatorVersion, TeamCitySimulator } from './types';

export const DEFAULT_VERSION: SimulatorVersion = { major: 2025, minor: 11, build: '197398' };
const MAX_BODY = 1_000_000;

const LOGIN_PAGE =
  '<!DOCTYPE html>\n<html lang="en"><head><meta charset="UTF-8"><title>Log in to TeamCity &mdash; TeamCity</title></head>\n' +
  '<body><div id="loginPage"><h1 id="header">Log in to TeamCity</h1><p>TeamCity simulator</p></div></body></html>\n';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** JSON bodies are parsed; text/plain bodies (PUT .../paused) stay strings; an unparsable JSON body stays raw. */
function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw === '') return undefined;
  if ((contentType ?? '').includes('json')) {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return raw;
    }
  }
  return raw;
}

function tokensSupported(v: SimulatorVersion): boolean {
  return v.major > 2019 || (v.major === 2019 && v.minor >= 1);
}

export async function startTeamCitySimulator(options: SimulatorOptions = {}): Promise<TeamCitySimulator> {
  const version = options.version ?? DEFAULT_VERSION;
  const now = options.now ?? Date.now;
  const data = new SimulatorData(options.buildDurations ?? { queuedMs: 1500, runningMs: 4000 }, now);
  if ((options.seed ?? 'demo') === 'demo') seedDemo(data);
  const state: SimState = { data, tokens: new TokenStore(now), version, startedAt: now(), now, tokensSupported: tokensSupported(version) };
  const faults = new FaultRegistry();
  const requests: RequestLogEntry[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const style: ResponseStyle = { modern: version.major >= 2017, secure: options.tls !== undefined };
  let rootUrl = '';

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', rootUrl);
    let body: unknown;
    try {
      body = parseBody(await readBody(req), req.headers['content-type']);
    } catch {
      return;
    }
    if (url.pathname === '/__sim' || url.pathname.startsWith('/__sim/')) {
      return handleControl(req, res, url.pathname, body, { state, faults, requests, clearRequests: () => (requests.length = 0) });
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const entry: RequestLogEntry = { method, path: url.pathname + url.search, at: Date.now(), authenticated: false };
    requests.push(entry);
    // When the answer left (or the connection was dropped): with `at`, how long the client waited.
    const answered = () => void (entry.answeredAt ??= Date.now());
    res.once('finish', answered).once('close', answered);
    const prefix = restPrefix(url.pathname);
    const respond = () => {
      if (prefix !== undefined) {
        entry.authenticated = dispatchRest({ req, res, url, body, state, rootUrl, style }, prefix);
      } else if (url.pathname === '/downloadBuildLog.html') {
        entry.authenticated = sendBuildLog(req, res, url, state);
      } else if (url.pathname === '/login.html') {
        sendHtml(res, 200, LOGIN_PAGE);
      } else if (url.pathname === '/') {
        res.writeHead(302, { Location: `${rootUrl}/login.html` }).end();
      } else {
        sendHtml(res, 404, '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Page not found</h1></body></html>');
      }
    };
    const fault = faults.take(method, url.pathname + url.search);
    if (!fault) return respond();
    if (fault.fault === 'reset') return req.socket.destroy();
    if (fault.fault === 'slow') {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) respond();
      }, fault.delayMs);
      timers.add(timer);
      return;
    }
    sendFault(fault.fault, res, style, rootUrl);
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  };
  const server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, listener) : http.createServer(listener);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  rootUrl = `${options.tls ? 'https' : 'http'}://${urlHost}:${port}`;

  const sim: TeamCitySimulator = {
    url: rootUrl,
    requests,
    data,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    createToken: (username, name, opts) => {
      data.requireUser(username);
      return state.tokens.create(username, name, opts?.expiresAt?.getTime()).value;
    },
    revokeToken: (value) => state.tokens.revoke(value),
    setFault: (fault, match) => faults.set(fault, match),
    clearRequests: () => {
      requests.length = 0;
    },
  };
  return sim;
}
