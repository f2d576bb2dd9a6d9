import type { FaultMatch, SimFault } from './types';

export const FAULTS: readonly SimFault[] = [
  'slow',
  'reset',
  'status500',
  'status502',
  'status503',
  'html-proxy',
  'unauthorized',
  'token-expired',
  'login-redirect',
  'not-json',
];

type Rule = { fault: SimFault; match: FaultMatch; remaining: number };

export const DEFAULT_SLOW_MS = 30_000;

/** Faults armed by tests; the first rule matching a request applies and uses up one of its `times`. */
export class FaultRegistry {
  private rules: Rule[] = [];

  set(fault: SimFault | null, match: FaultMatch = {}): void {
    if (fault === null) {
      this.rules = [];
      return;
    }
    if (!FAULTS.includes(fault)) throw new Error(`unknown fault ${String(fault)}`);
    this.rules.push({ fault, match, remaining: match.times ?? Number.POSITIVE_INFINITY });
  }

  list(): Array<{ fault: SimFault; path?: string; method?: string; remaining: number | null; delayMs?: number }> {
    return this.rules.map((r) => ({
      fault: r.fault,
      path: r.match.path === undefined ? undefined : String(r.match.path),
      method: r.match.method,
      remaining: Number.isFinite(r.remaining) ? r.remaining : null,
      delayMs: r.match.delayMs,
    }));
  }

  /** `pathAndQuery` is the request target; a string path matches itself and everything below it. */
  take(method: string, pathAndQuery: string): { fault: SimFault; delayMs: number } | undefined {
    const pathname = pathAndQuery.split('?')[0] ?? '';
    const rule = this.rules.find((r) => {
      if (r.match.method && r.match.method.toUpperCase() !== method.toUpperCase()) return false;
      const p = r.match.path;
      if (p === undefined) return true;
      if (typeof p === 'string') return pathname === p || pathname.startsWith(p.endsWith('/') ? p : `${p}/`) || pathAndQuery === p;
      p.lastIndex = 0;
      return p.test(pathAndQuery);
    });
    if (!rule) return undefined;
    rule.remaining--;
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return { fault: rule.fault, delayMs: rule.match.delayMs ?? DEFAULT_SLOW_MS };
  }
}
