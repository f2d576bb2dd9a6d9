/**
 * Loads data from a resolver when a screen mounts, with the loading / error / ready states every screen
 * needs and a `reload` for "Try again". `setData` lets a screen apply the result of a mutation locally.
 * Reloading data that is already on screen keeps it there (`refreshing`) instead of flashing a spinner;
 * reloading after an error, or for another payload, starts from loading.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../src/shared/result';
import { callResolver } from './call-resolver';

export type QueryState<T> = { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; data: T };

export type ResolverQuery<T> = {
  state: QueryState<T>;
  /** A reload of the shown data is under way. */
  refreshing: boolean;
  reload: () => void;
  setData: (update: (current: T) => T) => void;
};

export function useResolverQuery<T>(functionKey: string, payload: Record<string, unknown> = {}): ResolverQuery<T> {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // Callers pass object literals; compare by content so a re-render does not refetch.
  const payloadKey = JSON.stringify(payload);
  const payloadRef = useRef(payload);
  payloadRef.current = payload;
  const queryKey = `${functionKey}\n${payloadKey}`;
  const lastQuery = useRef<string | null>(null);

  useEffect(() => {
    let current = true;
    const sameQuery = lastQuery.current === queryKey;
    lastQuery.current = queryKey;
    setState((previous) => (sameQuery && previous.status === 'ready' ? previous : { status: 'loading' }));
    setRefreshing(sameQuery);
    void callResolver<T>(functionKey, payloadRef.current).then((result) => {
      if (!current) return;
      setState(result.ok ? { status: 'ready', data: result.data } : { status: 'error', error: result.error });
      setRefreshing(false);
    });
    return () => {
      current = false;
    };
  }, [functionKey, queryKey, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const setData = useCallback(
    (update: (current: T) => T) =>
      setState((previous) => (previous.status === 'ready' ? { status: 'ready', data: update(previous.data) } : previous)),
    [],
  );
  return { state, refreshing: refreshing && state.status === 'ready', reload, setData };
}
