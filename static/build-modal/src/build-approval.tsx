/**
 * A queued build that waits for TeamCity's Build Approval: who must still approve, and "Approve" for a user TeamCity
 * lists as an approver. The approval goes to TeamCity with the user's own token; TeamCity's refusal is shown as is.
 */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { Stack, Text } from '@atlaskit/primitives/compiled';
import type { AppError } from '../../../src/shared/result';
import type { ApprovalView, BuildView } from '../../../src/shared/schemas';
import { api } from './api';
import { approvalSummary } from '../../shared/approval-text';

export type BuildApprovalProps = { tokenId: string; build: BuildView; onApproved: (approval: ApprovalView) => void };

export function BuildApproval({ tokenId, build, onApproved }: BuildApprovalProps) {
  const [approving, setApproving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const approval = build.approval;
  if (!approval || build.state !== 'queued') return null;

  const approve = async () => {
    setApproving(true);
    setError(null);
    const result = await api.approveBuild({ tokenId, buildId: build.id });
    setApproving(false);
    if (result.ok) onApproved(result.data.approval);
    else setError(result.error);
  };

  return (
    <SectionMessage appearance={approval.status === 'waiting' ? 'information' : 'warning'} testId="build-approval">
      <Stack space="space.100">
        <Text testId="build-approval-summary">{approvalSummary(approval)}</Text>
        {approval.canApprove && (
          <div>
            <Button appearance="primary" isLoading={approving} onClick={() => void approve()} testId="approve-build">
              Approve
            </Button>
          </div>
        )}
        {error && (
          <Text color="color.text.danger" testId="approve-error">
            {error.message}
          </Text>
        )}
      </Stack>
    </SectionMessage>
  );
}
