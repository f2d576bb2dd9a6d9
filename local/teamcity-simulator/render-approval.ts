/** TeamCity's ApprovalInfo model for a build of a configuration with the Build Approval feature. */
import type { SimBuild } from './builds';
import { tcDate } from './dates';
import type { JsonObject, RenderContext } from './render-context';
import { userRef } from './render-user';

export function approvalInfo(ctx: RenderContext, build: SimBuild): JsonObject | undefined {
  const { approvals } = ctx.data;
  const w = approvals.details(build);
  if (!w) return undefined;
  const userOf = (username: string) => ctx.data.users.get(username)!;
  const status = approvals.status(build, ctx.now)!;
  return {
    status,
    configurationValid: true,
    canBeApprovedByCurrentUser: status === 'waitingForApproval' && ctx.user !== undefined && approvals.mayApprove(build, ctx.user),
    timeoutTimestamp: tcDate(w.timeoutAt),
    userApprovals: {
      count: w.rule.users.length,
      userApproval: w.rule.users.map((u) => ({ approved: w.approvedBy.includes(u), user: userRef(userOf(u), ctx) })),
    },
    groupApprovals: {
      count: w.rule.groups.length,
      groupApproval: w.rule.groups.map((g) => {
        const by = g.users.filter((u) => w.approvedBy.includes(u));
        return {
          group: { key: g.key, name: g.name },
          requiredApprovalsCount: g.required,
          currentlyApprovedBy: { count: by.length, user: by.map((u) => userRef(userOf(u), ctx)) },
        };
      }),
    },
  };
}
