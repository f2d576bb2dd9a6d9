/**
 * The build that was just started, kept up to date: queued, then running with its progress, then how it
 * finished. State changes are announced to screen readers through a polite live region.
 */
import { useEffect, useRef } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import ProgressBar from '@atlaskit/progress-bar';
import { designToken } from '../../shared/design-token';
import type { BuildView } from '../../../src/shared/schemas';
import { ExternalLink } from '../../shared/external-link';
import { buildLook, BuildStateLozenge } from './build-state-lozenge';
import { CancelBuild } from './cancel-build';
import { useBuildPolling } from './use-build-polling';

export type BuildProgressProps = {
  tokenId: string;
  initial: BuildView;
  configurationName: string;
  /** Told when the build moves on (queued, running, finished), e.g. to refresh a list that shows it. */
  onStateChange?: (state: BuildView['state']) => void;
};

export function BuildProgress({ tokenId, initial, configurationName, onStateChange }: BuildProgressProps) {
  const { build, setBuild, refreshError } = useBuildPolling(tokenId, initial);
  const stateChanged = useRef(onStateChange);
  stateChanged.current = onStateChange;
  useEffect(() => {
    stateChanged.current?.(build.state);
  }, [build.state]);
  const percent = Math.max(0, Math.min(100, Math.round(build.percentageComplete ?? 0)));
  const title = build.number ? `Build #${build.number}` : 'Build queued';
  return (
    <Box
      testId="build-progress"
      style={{
        padding: designToken('space.200'),
        border: `${designToken('border.width')} solid ${designToken('color.border')}`,
        borderRadius: designToken('radius.large'),
        background: designToken('elevation.surface.raised'),
        boxShadow: designToken('elevation.shadow.raised'),
      }}
    >
      <Stack space="space.150">
        <Inline spread="space-between" alignBlock="center">
          <Heading size="small" as="h2">
            <span data-testid="build-title">{title}</span>
          </Heading>
          <div aria-live="polite" aria-atomic="true">
            <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)' }}>
              {`${title}: ${buildLook(build).text}`}
            </span>
            <BuildStateLozenge build={build} testId="build-state" />
          </div>
        </Inline>
        <Text color="color.text.subtle">
          {build.buildTypeName ?? configurationName}
          {build.branchName ? ` · ${build.branchName}` : ''}
        </Text>
        {build.state === 'queued' && (
          <Stack space="space.050">
            <ProgressBar isIndeterminate ariaLabel="Waiting in the queue" />
            <Text size="small" color="color.text.subtle">
              Waiting in the queue for a build agent…
            </Text>
          </Stack>
        )}
        {build.state === 'running' && (
          <Stack space="space.050">
            <ProgressBar value={percent / 100} ariaLabel={`Build progress: ${percent}%`} testId="build-progress-bar" />
            <Text size="small" color="color.text.subtle" testId="build-percent">
              {percent}% complete{build.statusText ? ` · ${build.statusText}` : ''}
            </Text>
          </Stack>
        )}
        {build.state === 'finished' && build.statusText && (
          <Text color={build.status === 'SUCCESS' ? 'color.text.success' : 'color.text.danger'} testId="build-status-text">
            {build.statusText}
          </Text>
        )}
        {refreshError && (
          <Text size="small" color="color.text.warning" testId="build-refresh-error">
            {`We couldn’t refresh the build status (${refreshError.message}). Trying again…`}
          </Text>
        )}
        <CancelBuild
          tokenId={tokenId}
          build={build}
          leading={
            <ExternalLink href={build.webUrl} testId="open-in-teamcity">
              Open in TeamCity
            </ExternalLink>
          }
          onCanceled={(canceled) => canceled && setBuild(canceled)}
        />
      </Stack>
    </Box>
  );
}
