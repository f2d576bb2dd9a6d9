/**
 * The row under a build: its TeamCity link and, while it is queued or running, "Cancel build". Canceling
 * is confirmed in place, because stopping a build cannot be undone.
 */
import { useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import { Inline, Stack } from '@atlaskit/primitives/compiled';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import type { AppError } from '../../../src/shared/result';
import type { BuildView } from '../../../src/shared/schemas';
import { api } from './api';

export type CancelBuildProps = {
  tokenId: string;
  build: BuildView;
  /** What shares the row with the button (the TeamCity link). */
  leading: ReactNode;
  onCanceled: (build: BuildView) => void;
};

export function CancelBuild({ tokenId, build, leading, onCanceled }: CancelBuildProps) {
  const isActive = build.state !== 'finished';
  const [confirming, setConfirming] = useState(false);
  const [canceling, setCanceling] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const cancel = async () => {
    setCanceling(true);
    setError(null);
    const result = await api.cancelBuild({ tokenId, buildId: build.id });
    setCanceling(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setConfirming(false);
    onCanceled(result.data.build);
  };

  const what = build.state === 'queued' ? 'remove it from the queue' : 'stop it on its agent';
  return (
    <Stack space="space.150">
      <Inline spread="space-between" alignBlock="center">
        {leading}
        {isActive && !confirming && (
          <Button appearance="subtle" onClick={() => setConfirming(true)} testId="cancel-build">
            Cancel build
          </Button>
        )}
      </Inline>
      {isActive && confirming && (
        <SectionMessage
          appearance="warning"
          title={build.number ? `Cancel build #${build.number}?` : 'Cancel this build?'}
          testId="cancel-build-confirm"
          headingLevel="h3"
          actions={[
            <SectionMessageAction key="confirm" onClick={() => void cancel()} testId="cancel-build-confirm-yes">
              {canceling ? 'Canceling…' : 'Cancel build'}
            </SectionMessageAction>,
            <SectionMessageAction key="keep" onClick={() => setConfirming(false)} testId="cancel-build-confirm-no">
              Keep it
            </SectionMessageAction>,
          ]}
        >
          TeamCity will {what}. This can’t be undone.
        </SectionMessage>
      )}
      {error && (
        <SectionMessage appearance="error" title="The build was not canceled" headingLevel="h3" testId="cancel-build-error">
          {error.message}
        </SectionMessage>
      )}
    </Stack>
  );
}
