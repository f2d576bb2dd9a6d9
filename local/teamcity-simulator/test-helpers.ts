import http from 'node:http';
import type { TeamCitySimulator } from './types';

/** The recorded TeamCity responses kept in the repository (test/fixtures/teamcity/README.md says where each is from). */
export { fixtureJson, fixtureText } from '../../src/teamcity/testing/teamcity-reference';

export const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
export const bearer = (token: string) => `Bearer ${token}`;

export type Reply = { status: number; headers: Headers; text: string; json: () => any };

/**
 * One HTTP call to the simulator asking for JSON, as the app's client does. node:http rather than fetch:
 * Node 20's fetch keeps a referenced timer alive after short suites, which makes jest force-exit workers.
 */
export function call(
  sim: TeamCitySimulator,
  path: string,
  opts: { method?: string; auth?: string; body?: unknown; accept?: string; signal?: AbortSignal } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { Accept: opts.accept ?? 'application/json' };
  if (opts.auth) headers.Authorization = opts.auth;
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  if (payload !== undefined) headers['Content-Type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = http.request(sim.url + path, { method: opts.method ?? 'GET', headers, agent: false, signal: opts.signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) {
          if (v !== undefined) for (const one of Array.isArray(v) ? v : [v]) h.append(k, one);
        }
        resolve({ status: res.statusCode ?? 0, headers: h, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

function typeOf(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}

/**
 * Differences between a recorded fixture and our response: every key the fixture has must exist in ours with
 * the same JSON type, recursively (arrays compare their first items).
 */
export function shapeDiff(fixture: unknown, ours: unknown, path = '$'): string[] {
  if (typeOf(fixture) !== typeOf(ours)) return [`${path}: fixture ${typeOf(fixture)}, ours ${typeOf(ours)}`];
  if (Array.isArray(fixture) && Array.isArray(ours)) {
    return fixture.length > 0 && ours.length > 0 ? shapeDiff(fixture[0], ours[0], `${path}[0]`) : [];
  }
  if (fixture && typeof fixture === 'object') {
    const o = ours as Record<string, unknown>;
    return Object.entries(fixture as Record<string, unknown>).flatMap(([k, v]) =>
      k in o ? shapeDiff(v, o[k], `${path}.${k}`) : [`${path}.${k}: missing`],
    );
  }
  return [];
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until the build reaches the state, bounded by a deadline. */
export async function waitForState(sim: TeamCitySimulator, href: string, auth: string, state: string, timeoutMs = 5000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await call(sim, href, { auth });
    const body = r.json();
    if (body.state === state) return body;
    if (Date.now() > deadline) throw new Error(`build never reached ${state}; last ${r.text}`);
    await sleep(25);
  }
}
