/** GET /app/rest/buildQueue/{locator}/approvalInfo and POST …/approve, shaped like TeamCity's ApprovalInfo model. */
import { findBuild } from './build-query';
import { viewBuild, type SimBuild } from './builds';
import { forbidden, notFound } from './errors';
import { approvalInfo } from './render-approval';
import { entityReply } from './render-list';
import type { Route, RouteRequest } from './route-types';

function queuedWithApproval(req: RouteRequest): SimBuild {
  const build = findBuild(req.state.data, req.params.loc!, req.ctx.now, false);
  if (!req.state.data.approvals.has(build)) throw notFound(`Build approval is not configured for the build with id ${build.id}.`);
  return build;
}

export const approvalRoutes: Route[] = [
  {
    method: 'GET',
    pattern: 'buildQueue/:loc/approvalInfo',
    handle: (req) => entityReply(req, 'approvalInfo', approvalInfo(req.ctx, queuedWithApproval(req))!),
  },
  {
    method: 'POST',
    pattern: 'buildQueue/:loc/approve',
    handle: (req) => {
      const build = queuedWithApproval(req);
      const { approvals } = req.state.data;
      if (viewBuild(build, req.ctx.now).state !== 'queued' || approvals.status(build, req.ctx.now) !== 'waitingForApproval') {
        throw forbidden(`Build with id ${build.id} is not waiting for approval.`);
      }
      if (!approvals.mayApprove(build, req.user)) {
        throw forbidden(`User ${req.user.username} cannot approve the build with id ${build.id}.`);
      }
      approvals.approve(build, req.user, req.ctx.now);
      return entityReply(req, 'approvalInfo', approvalInfo(req.ctx, build)!);
    },
  },
];
