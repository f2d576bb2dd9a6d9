import { type SimBuild, viewBuild } from './builds';
import type { SimulatorData } from './data';
import type { SimUser } from './entities';
import { badRequest } from './errors';
import { runBuildDenied } from './trigger-build';

/** POST of a buildCancelRequest {comment, readdIntoQueue} to a queued or running build. */
export function cancelBuild(data: SimulatorData, user: SimUser, build: SimBuild, rawBody: unknown, now: number): void {
  const body = (rawBody ?? {}) as { comment?: unknown; readdIntoQueue?: unknown };
  const bt = data.buildTypes.get(build.buildTypeId);
  if (bt && !data.canRunBuild(user, bt.projectId)) throw runBuildDenied(data, bt.projectId, 'Cancel build');
  const view = viewBuild(build, now);
  if (view.state === 'finished') throw badRequest(`Build with id '${build.id}' is already finished and cannot be canceled.`);
  data.builds.cancel(build, user, typeof body.comment === 'string' ? body.comment : '', now);
}
