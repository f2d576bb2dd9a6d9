/**
 * Loads data from a resolver when a screen mounts, with the loading / error / ready states every screen
 * needs and a `reload` for "Try again". `setData` lets a screen apply the result of a mutation locally.
 * Reloading data that is already on screen keeps it there (`refreshing`) instead of flashing a spinner;
 * reloading after an error, or for another input, starts from loading.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ResolverInput, ResolverKey, ResolverOutput } from '../../src/shared/resolver-contract';
import type { AppError } from '../../src/shared/result';
import type { ApiCall } from './create-api';

export type QueryState<T> = { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; data: T };

export type ResolverQuery<T> = {
  state: QueryState<T>;
  /** A reload of the shown data is under way. */
  refreshing: boolean;
  reload: () => void;
  setData: (update: (current: T) => T) => void;
};

type Loaded<T> = { key: string; attempt: number; state: QueryState<T> };

/** `call` is one of an app's `api` functions, which never change; the input is compared by content. */
export function useResolverQuery<K extends ResolverKey>(call: ApiCall<K>, input: ResolverInput<K>): ResolverQuery<ResolverOutput<K>> {
  type T = ResolverOutput<K>;
  // Callers pass object literals; compare by content so a re-render does not refetch.
  const inputKey = JSON.stringify(input);
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);

  useEffect(() => {
    let current = true;
    void call(JSON.parse(inputKey) as ResolverInput<K>).then((result) => {
      if (!current) return;
      setLoaded({
        key: inputKey,
        attempt,
        state: result.ok ? { status: 'ready', data: result.data } : { status: 'error', error: result.error },
      });
    });
    return () => {
      current = false;
    };
  }, [call, inputKey, attempt]);

  // Derived during render rather than reset in the effect: an answer for another input is not shown, and an
  // answer on screen for this input stays while it is reloaded.
  const sameInput = loaded !== null && loaded.key === inputKey;
  const upToDate = sameInput && loaded.attempt === attempt;
  const keepShowing = sameInput && loaded.state.status === 'ready';
  const state: QueryState<T> = upToDate || keepShowing ? loaded.state : { status: 'loading' };

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const setData = useCallback(
    (update: (current: T) => T) =>
      setLoaded((previous) =>
        previous !== null && previous.state.status === 'ready'
          ? { ...previous, state: { status: 'ready', data: update(previous.state.data) } }
          : previous,
      ),
    [],
  );
  return { state, refreshing: keepShowing && !upToDate, reload, setData };
}
