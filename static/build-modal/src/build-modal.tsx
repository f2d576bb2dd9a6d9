/**
 * The "Run TeamCity build" modal of the repository and pull request actions. It loads what the backend
 * knows about this repository and the user's TeamCity tokens, then either explains how to connect TeamCity
 * or shows the run form. The form (with its selects) is a separate chunk, downloaded while the setup request
 * is under way, so the spinner paints first.
 */
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import type { GetBuildSetupResponse } from '../../../src/shared/schemas';
import { ChunkErrorBoundary } from '../../shared/chunk-error-boundary';
import { QueryError, QueryLoading } from '../../shared/query-status';
import { useResolverQuery } from '../../shared/use-resolver-query';
import { api } from './api';
import { closeModal } from './close-modal';
import { ModalFrame } from './modal-frame';
import { NoTokenState } from './no-token-state';
import { usePersonalSettingsPath } from '../../shared/personal-settings-link';
import { applyPreset, useModalPreset } from './modal-preset';

const loadRunBuildFlow = () => import('./run-build-flow');
const RunBuildFlow = lazy(() => loadRunBuildFlow().then((module) => ({ default: module.RunBuildFlow })));

const describe = (setup: GetBuildSetupResponse): string =>
  setup.pullRequest
    ? `${setup.repository.fullName} · Pull request #${setup.pullRequest.id}: ${setup.pullRequest.title}`
    : setup.repository.fullName;

function CloseOnlyFrame({ subtitle, children }: { subtitle?: string; children: ReactNode }) {
  return (
    <ModalFrame
      subtitle={subtitle}
      footer={
        <Button onClick={closeModal} testId="close-modal">
          Close
        </Button>
      }
    >
      {children}
    </ModalFrame>
  );
}

const loadingFrame = (
  <CloseOnlyFrame>
    <QueryLoading label="Loading" testId="build-setup-loading" />
  </CloseOnlyFrame>
);

export function BuildModal() {
  const { state, reload } = useResolverQuery(api.getBuildSetup, {});
  const settingsPath = usePersonalSettingsPath(state.status === 'ready' ? state.data.repository.workspace : undefined);
  const preset = useModalPreset();

  useEffect(() => {
    // A failure surfaces when the lazy component renders; here it only warms the cache.
    loadRunBuildFlow().catch(() => undefined);
  }, []);

  if (state.status === 'loading' || preset === undefined) return loadingFrame;
  if (state.status === 'error') {
    return (
      <CloseOnlyFrame>
        <QueryError title="We couldn't open the build form" testId="build-setup-error" onRetry={reload}>
          {state.error.message}
        </QueryError>
      </CloseOnlyFrame>
    );
  }
  const subtitle = describe(state.data);
  if (state.data.servers.length === 0) {
    return (
      <CloseOnlyFrame subtitle={subtitle}>
        <NoTokenState settingsPath={settingsPath} />
      </CloseOnlyFrame>
    );
  }
  // The form failed to download: the same close-only frame as the other states, so Close and Escape work.
  const chunkError = (
    <CloseOnlyFrame subtitle={subtitle}>
      <SectionMessage appearance="error" title="Part of the app didn't load" headingLevel="h2" testId="chunk-error">
        Check your connection, then close this dialog and open it again.
      </SectionMessage>
    </CloseOnlyFrame>
  );
  return (
    <ChunkErrorBoundary fallback={chunkError}>
      <Suspense fallback={loadingFrame}>
        <RunBuildFlow setup={applyPreset(state.data, preset)} settingsPath={settingsPath} subtitle={subtitle} />
      </Suspense>
    </ChunkErrorBoundary>
  );
}
