/**
 * Re-authenticates tokens through the `checkTokens` resolver: on demand ("Check"), and once when the list first
 * shows, for tokens not checked in the last hour. The list is already on screen; results are merged into it
 * as they arrive, and a failed check only leaves the previous status showing. A token replaced or added while a
 * check was under way keeps its new status: that check was about the token it replaced.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../src/shared/result';
import { MAX_TOKENS_PER_CHECK } from '../../../src/shared/check-limits';
import type { CheckTokensResponse, TokenView } from '../../../src/shared/schemas';
import { api } from './api';
import { isStale } from './token-status';

export type TokenChecks = {
  checking: ReadonlySet<string>;
  error: AppError | null;
  check: (ids: string[]) => Promise<void>;
  /** The row now holds a new token: results of checks started before this are dropped for it. */
  invalidate: (id: string) => void;
};

const chunks = (ids: string[]): string[][] =>
  Array.from({ length: Math.ceil(ids.length / MAX_TOKENS_PER_CHECK) }, (_, i) =>
    ids.slice(i * MAX_TOKENS_PER_CHECK, (i + 1) * MAX_TOKENS_PER_CHECK),
  );

export function useTokenChecks(tokens: TokenView[] | null, apply: (result: CheckTokensResponse) => void): TokenChecks {
  const [checking, setChecking] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<AppError | null>(null);
  const autoChecked = useRef(false);
  // The page passes a new function each render; a check that is under way applies its results with the latest.
  const applyRef = useRef(apply);
  useEffect(() => {
    applyRef.current = apply;
  });
  // A counter rather than timestamps: two events in the same millisecond must still be ordered.
  const clock = useRef(0);
  const changedAt = useRef(new Map<string, number>());

  const invalidate = useCallback((id: string) => {
    changedAt.current.set(id, ++clock.current);
  }, []);

  const check = useCallback(async (ids: string[]) => {
    const update = (add: boolean) =>
      setChecking((current) => {
        const next = new Set(current);
        for (const id of ids) {
          if (add) next.add(id);
          else next.delete(id);
        }
        return next;
      });
    const startedAt = ++clock.current;
    const current = (id: string) => (changedAt.current.get(id) ?? 0) < startedAt;
    update(true);
    setError(null);
    const results = await Promise.all(chunks(ids).map((part) => api.checkTokens({ ids: part })));
    update(false);
    for (const result of results) {
      if (result.ok)
        applyRef.current({
          ...result.data,
          tokens: result.data.tokens.filter((t) => current(t.id)),
          missing: result.data.missing.filter(current),
        });
      else setError(result.error);
    }
  }, []);

  useEffect(() => {
    if (tokens === null || autoChecked.current) return;
    autoChecked.current = true;
    const stale = tokens.filter((t) => isStale(t, new Date())).map((t) => t.id);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- starting the check (a request to TeamCity) is what this effect is for; the rows it marks "Checking…" are part of starting it
    if (stale.length > 0) void check(stale);
  }, [tokens, check]);

  return { checking, error, check, invalidate };
}
