/** Starts a build; `TriggerBuildRequest` is the backend's own payload type, so the two cannot disagree. */
import type { TriggerBuildRequest } from '../../../src/shared/schemas';
import { api } from './api';

export function triggerBuild(request: TriggerBuildRequest) {
  const { comment, queueAtTop, cleanCheckout, revision, ...required } = request;
  // Leave out what the user did not set, so the request says no more than they chose.
  return api.triggerBuild({
    ...required,
    ...(comment && { comment }),
    ...(queueAtTop && { queueAtTop }),
    ...(cleanCheckout && { cleanCheckout }),
    ...(revision && { revision }),
  });
}
