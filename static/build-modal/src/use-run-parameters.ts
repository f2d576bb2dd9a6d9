/**
 * The chosen configuration's parameters with their TeamCity specs: one resolver call (one TeamCity request) each
 * time the configuration or server changes, nothing while none is chosen. An answer for an earlier choice is dropped.
 */
import { useEffect, useState } from 'react';
import type { AppError } from '../../../src/shared/result';
import type { GetRunParametersResponse } from '../../../src/shared/schemas';
import { api } from './api';

export type RunParametersState =
  { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; data: GetRunParametersResponse };

export function useRunParameters(tokenId: string, buildTypeId: string | undefined): RunParametersState & { key: string } {
  const key = `${tokenId}\n${buildTypeId ?? ''}`;
  const [state, setState] = useState<{ key: string; state: RunParametersState }>({ key: '', state: { status: 'idle' } });

  useEffect(() => {
    if (buildTypeId === undefined) return;
    let current = true;
    void api.getRunParameters({ tokenId, buildTypeId }).then((result) => {
      if (!current) return;
      setState({ key, state: result.ok ? { status: 'ready', data: result.data } : { status: 'error', error: result.error } });
    });
    return () => {
      current = false;
    };
  }, [key, tokenId, buildTypeId]);

  if (buildTypeId === undefined) return { key, status: 'idle' };
  return state.key === key ? { key, ...state.state } : { key, status: 'loading' };
}
