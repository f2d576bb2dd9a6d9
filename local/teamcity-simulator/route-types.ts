import type { SimulatorData } from './data';
import type { SimUser } from './entities';
import type { Json, RenderContext } from './render-context';
import type { TokenStore } from './tokens';
import type { SimulatorVersion } from './types';

/** Server-wide state the REST handlers work on. */
export type SimState = {
  data: SimulatorData;
  tokens: TokenStore;
  version: SimulatorVersion;
  startedAt: number;
  now: () => number;
  /** Access tokens arrived in TeamCity 2019.1. */
  tokensSupported: boolean;
};

export type RouteRequest = {
  method: string;
  /** Pathname as requested, e.g. /httpAuth/app/rest/buildTypes. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  user: SimUser;
  ctx: RenderContext;
  state: SimState;
  params: Record<string, string>;
};

export type RouteReply = { status?: number; entity: { root: string; body: Json } } | { status?: number; text: string } | { status: 204 };

export type Route = { method: string; pattern: string; handle: (req: RouteRequest) => RouteReply };

/** Splits a REST path into segments, keeping '/' inside locator parentheses. */
export function splitSegments(rest: string): string[] {
  const segments: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of rest) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === '/' && depth <= 0) {
      if (current) segments.push(current);
      current = '';
    } else current += ch;
  }
  if (current) segments.push(current);
  return segments;
}

/** Matches "buildTypes/:locator/paused" style patterns; returns the named params or null. */
export function matchPattern(pattern: string, segments: string[]): Record<string, string> | null {
  const parts = pattern.split('/').filter(Boolean);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const s = segments[i]!;
    if (p.startsWith(':')) params[p.slice(1)] = s;
    else if (p !== s) return null;
  }
  return params;
}
