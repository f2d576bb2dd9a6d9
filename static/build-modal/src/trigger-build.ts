/** Starts a build; `TriggerBuildRequest` is the backend's own payload type, so the two cannot disagree. */
import type { Result } from '../../../src/shared/result';
import type { TriggerBuildRequest, TriggerBuildResponse } from '../../../src/shared/schemas';
import { BUILD_RESOLVER_FUNCTIONS } from '../../shared/resolver-functions';
import { callResolver } from '../../shared/call-resolver';

export function triggerBuild(request: TriggerBuildRequest): Promise<Result<TriggerBuildResponse>> {
  const payload: Record<string, unknown> = { ...request };
  // Leave out what the user did not set, so the request says no more than they chose.
  for (const key of ['comment', 'queueAtTop', 'cleanCheckout', 'revision'] as const) {
    if (payload[key] === undefined || payload[key] === '' || payload[key] === false) delete payload[key];
  }
  return callResolver<TriggerBuildResponse>(BUILD_RESOLVER_FUNCTIONS.triggerBuild, payload);
}
