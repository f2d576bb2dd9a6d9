import { approvalSummary } from './approval-text';

const waiting = {
  status: 'waiting' as const,
  canApprove: true,
  remaining: 3,
  users: [
    { name: 'Alice', approved: false },
    { name: 'Bob', approved: true },
  ],
  groups: [{ name: 'Release managers', required: 3, approvedBy: ['Carol'] }],
};

test('names who must still approve', () => {
  expect(approvalSummary(waiting)).toBe('Waiting for approval: 3 approvals still needed (Alice and 2 of Release managers).');
  expect(approvalSummary({ ...waiting, remaining: 1, users: [], groups: [{ name: 'Ops', required: 1, approvedBy: [] }] })).toBe(
    'Waiting for approval: 1 approval still needed (1 of Ops).',
  );
  expect(approvalSummary({ ...waiting, status: 'timed_out' })).toMatch(/canceled it/);
});
