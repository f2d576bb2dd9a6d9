/**
 * TeamCity's Build Approval (REST model ApprovalInfo, TeamCity 2022.04+): a queued build that waits until listed
 * users, or enough members of listed groups, approve it. Read as a field of the build (so following a build costs
 * no extra request) and answered by POST /app/rest/buildQueue/id:N/approve.
 */
import { z } from 'zod';

const approverWireSchema = z.object({ username: z.string().optional(), name: z.string().optional() });
const approverName = (u: z.infer<typeof approverWireSchema> | undefined) => u?.name ?? u?.username ?? 'Unknown user';

export const approvalWireSchema = z.object({
  status: z.string().optional(),
  canBeApprovedByCurrentUser: z.boolean().optional(),
  timeoutTimestamp: z.string().optional(),
  userApprovals: z
    .object({ userApproval: z.array(z.object({ approved: z.boolean().optional(), user: approverWireSchema.optional() })).optional() })
    .optional(),
  groupApprovals: z
    .object({
      groupApproval: z
        .array(
          z.object({
            group: z.object({ key: z.string().optional(), name: z.string().optional() }).optional(),
            requiredApprovalsCount: z.number().int().optional(),
            currentlyApprovedBy: z.object({ user: z.array(approverWireSchema).optional() }).optional(),
          }),
        )
        .optional(),
    })
    .optional(),
});

export const APPROVAL_FIELDS =
  'approvalInfo(status,canBeApprovedByCurrentUser,timeoutTimestamp,userApprovals(userApproval(approved,user(username,name))),' +
  'groupApprovals(groupApproval(group(key,name),requiredApprovalsCount,currentlyApprovedBy(user(username,name)))))';

export type TeamCityApproval = {
  status: 'waiting' | 'approved' | 'timed_out' | 'canceled';
  canApprove: boolean;
  timeoutAt?: string;
  users: Array<{ name: string; approved: boolean }>;
  groups: Array<{ name: string; required: number; approvedBy: string[] }>;
};

const STATUS: Record<string, TeamCityApproval['status']> = {
  waitingForApproval: 'waiting',
  approved: 'approved',
  timedOut: 'timed_out',
  canceled: 'canceled',
};

export function toApproval(wire: z.infer<typeof approvalWireSchema> | undefined, toIso: (date: string | undefined) => string | undefined) {
  const status = wire?.status === undefined ? undefined : STATUS[wire.status];
  if (!wire || status === undefined) return undefined;
  const timeoutAt = toIso(wire.timeoutTimestamp);
  const approval: TeamCityApproval = {
    status,
    canApprove: wire.canBeApprovedByCurrentUser === true,
    ...(timeoutAt !== undefined && { timeoutAt }),
    users: (wire.userApprovals?.userApproval ?? []).map((a) => ({ name: approverName(a.user), approved: a.approved === true })),
    groups: (wire.groupApprovals?.groupApproval ?? []).map((g) => ({
      name: g.group?.name ?? g.group?.key ?? 'Unknown group',
      required: g.requiredApprovalsCount ?? 1,
      approvedBy: (g.currentlyApprovedBy?.user ?? []).map(approverName),
    })),
  };
  return approval;
}
