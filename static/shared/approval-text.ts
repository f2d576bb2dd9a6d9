/** Who must still approve a waiting build, in words; names come from TeamCity and are only ever shown as text. */
import type { ApprovalView } from '../../src/shared/schemas';

const list = (names: string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

export function approvalSummary(approval: ApprovalView): string {
  if (approval.status === 'approved') return 'Approved: the build waits in the queue for an agent.';
  if (approval.status === 'timed_out') return 'Nobody approved the build in time, so TeamCity canceled it.';
  if (approval.status === 'canceled') return 'The build was canceled instead of approved.';
  const who = [
    ...approval.users.filter((u) => !u.approved).map((u) => u.name),
    ...approval.groups.filter((g) => g.approvedBy.length < g.required).map((g) => `${g.required - g.approvedBy.length} of ${g.name}`),
  ];
  const count = approval.remaining === 1 ? '1 approval' : `${approval.remaining} approvals`;
  return `Waiting for approval: ${count} still needed${who.length > 0 ? ` (${list(who)})` : ''}.`;
}
