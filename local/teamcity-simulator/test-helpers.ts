import { readFileSync } from 'node:fs';
import type { TeamCitySimulator } from './types';

export const FIXTURES = '/work/shared/teamcity/fixtures';

export function fixtureJson(name: string): unknown {
  return JSON.parse(readFileSync(`${FIXTURES}/${name}`, 'utf8')) as unknown;
}

export function fixtureText(name: string): string {
  return readFileSync(`${FIXTURES}/${name}`, 'utf8');
}

export const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
export const bearer = (token: string) => `Bearer ${token}`;

export type Reply = { status: number; headers: Headers; text: string; json: () => any };

/** One HTTP call to the simulator asking for JSON, as the app's client does. */
export async function call(
  sim: TeamCitySimulator,
  path: string,
  opts: { method?: string; auth?: string; body?: unknown; accept?: string; signal?: AbortSignal } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { Accept: opts.accept ?? 'application/json' };
  if (opts.auth) headers.Authorization = opts.auth;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(sim.url + path, {
    method: opts.method ?? 'GET',
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    redirect: 'manual',
    signal: opts.signal,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
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
