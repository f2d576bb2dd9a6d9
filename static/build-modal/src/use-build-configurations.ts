/**
 * Build configurations of one TeamCity server, page by page: those whose VCS roots point at this
 * repository, or all of them. A new server, scope or search starts over; answers to an older request
 * are dropped so a slow response cannot overwrite a newer one.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../src/shared/result';
import type { BuildConfigurationView } from '../../../src/shared/schemas';
import { api } from './api';

export type ConfigurationScope = 'repository' | 'all';

export type ConfigurationsState = {
  status: 'loading' | 'ready' | 'error';
  items: BuildConfigurationView[];
  nextStart: number | null;
  error: AppError | null;
  loadingMore: boolean;
  /** A "Load more" that failed keeps the items it had and says so. */
  moreError: AppError | null;
  /** TeamCity had more than a page of them and the backend took only a page: the search should be narrower. */
  truncated: boolean;
};

const INITIAL: ConfigurationsState = {
  status: 'loading',
  items: [],
  nextStart: null,
  error: null,
  loadingMore: false,
  moreError: null,
  truncated: false,
};

export function useBuildConfigurations(tokenId: string, scope: ConfigurationScope, search: string) {
  const [attempt, setAttempt] = useState(0);
  // The answer is kept with the request it answers; a newer request shows INITIAL until its own answer arrives.
  const request = JSON.stringify([tokenId, scope, search.trim(), attempt]);
  const [loaded, setLoaded] = useState<{ request: string; state: ConfigurationsState } | null>(null);
  const state = loaded?.request === request ? loaded.state : INITIAL;

  const fetchPage = useCallback(
    (start: number) => {
      const query = search.trim();
      return api.findBuildConfigurations({ tokenId, scope, ...(query && { search: query }), ...(start > 0 && { start }) });
    },
    [tokenId, scope, search],
  );

  useEffect(() => {
    let current = true;
    void fetchPage(0).then((result) => {
      if (!current) return;
      setLoaded({
        request,
        state: result.ok
          ? {
              ...INITIAL,
              status: 'ready',
              items: result.data.items,
              nextStart: result.data.nextStart,
              truncated: result.data.truncated === true,
            }
          : { ...INITIAL, status: 'error', error: result.error },
      });
    });
    return () => {
      current = false;
    };
  }, [fetchPage, request]);

  /** Applies `update` to the answer of `mine` only: a page for an older request is dropped. */
  const updateFor = useCallback(
    (mine: string, update: (s: ConfigurationsState) => ConfigurationsState) =>
      setLoaded((previous) => (previous?.request === mine ? { request: mine, state: update(previous.state) } : previous)),
    [],
  );

  const loadMore = useCallback(() => {
    if (state.nextStart === null || state.loadingMore) return;
    const mine = request;
    updateFor(mine, (s) => ({ ...s, loadingMore: true, moreError: null }));
    void fetchPage(state.nextStart).then((result) =>
      updateFor(mine, (s) =>
        result.ok
          ? {
              ...s,
              loadingMore: false,
              items: mergeById(s.items, result.data.items),
              nextStart: result.data.nextStart,
              truncated: s.truncated || result.data.truncated === true,
            }
          : { ...s, loadingMore: false, moreError: result.error },
      ),
    );
  }, [fetchPage, request, updateFor, state.nextStart, state.loadingMore]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, loadMore, reload };
}

/** Pages can overlap when configurations are added in TeamCity between two requests. */
function mergeById(existing: BuildConfigurationView[], more: BuildConfigurationView[]): BuildConfigurationView[] {
  const seen = new Set(existing.map((c) => c.id));
  return [...existing, ...more.filter((c) => !seen.has(c.id))];
}
