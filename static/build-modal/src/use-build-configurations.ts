/**
 * Build configurations of one TeamCity server, page by page: those whose VCS roots point at this
 * repository, or all of them. A new server, scope or search starts over; answers to an older request
 * are dropped so a slow response cannot overwrite a newer one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
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
};

const INITIAL: ConfigurationsState = { status: 'loading', items: [], nextStart: null, error: null, loadingMore: false, moreError: null };

export function useBuildConfigurations(tokenId: string, scope: ConfigurationScope, search: string) {
  const [state, setState] = useState<ConfigurationsState>(INITIAL);
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);

  const fetchPage = useCallback(
    (start: number) => {
      const query = search.trim();
      return api.findBuildConfigurations({ tokenId, scope, ...(query && { search: query }), ...(start > 0 && { start }) });
    },
    [tokenId, scope, search],
  );

  useEffect(() => {
    const mine = ++generation.current;
    setState(INITIAL);
    void fetchPage(0).then((result) => {
      if (mine !== generation.current) return;
      setState(
        result.ok
          ? { ...INITIAL, status: 'ready', items: result.data.items, nextStart: result.data.nextStart }
          : { ...INITIAL, status: 'error', error: result.error },
      );
    });
  }, [fetchPage, attempt]);

  const loadMore = useCallback(() => {
    if (state.nextStart === null || state.loadingMore) return;
    const mine = generation.current;
    setState((s) => ({ ...s, loadingMore: true, moreError: null }));
    void fetchPage(state.nextStart).then((result) => {
      if (mine !== generation.current) return;
      setState((s) =>
        result.ok
          ? { ...s, loadingMore: false, items: mergeById(s.items, result.data.items), nextStart: result.data.nextStart }
          : { ...s, loadingMore: false, moreError: result.error },
      );
    });
  }, [fetchPage, state.nextStart, state.loadingMore]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, loadMore, reload };
}

/** Pages can overlap when configurations are added in TeamCity between two requests. */
function mergeById(existing: BuildConfigurationView[], more: BuildConfigurationView[]): BuildConfigurationView[] {
  const seen = new Set(existing.map((c) => c.id));
  return [...existing, ...more.filter((c) => !seen.has(c.id))];
}
