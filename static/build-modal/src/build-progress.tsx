/**
 * The build that was just started, kept up to date: queued, then running with its progress, then how it
 * finished. State changes are announced to screen readers through a polite live region. Focus moves to its
 * heading when it appears, since the form the user was in (and its Run button) is gone.
 */
import { useEffect, useRef } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import ProgressBar from '@atlaskit/progress-bar';
import { designToken } from '../../shared/design-token';
import type { BuildView } from '../../../src/shared/schemas';
import { TeamCityLink } from '../../shared/teamcity-link';
import VisuallyHidden from '@atlaskit/visually-hidden';
import { AppErrorMessage } from './app-error-message';
import { buildLook, BuildStateLozenge } from '../../shared/build-state-lozenge';
import { BuildApproval } from './build-approval';
import { CancelBuild } from './cancel-build';
import { useBuildPolling } from './use-build-polling';

export type BuildProgressProps = {
  tokenId: string;
  /** The server of that token: links go only there. */
  serverUrl: string;
  initial: BuildView;
  configurationName: string;
  /** The personal settings page, offered when following the build fails for want of a working token. */
  settingsPath: string | null;
  /** Told when the build moves on (queued, running, finished), e.g. to refresh a list that shows it. */
  onStateChange?: (state: BuildView['state']) => void;
};

export function BuildProgress({ tokenId, serverUrl, initial, configurationName, settingsPath, onStateChange }: BuildProgressProps) {
  const { build, setBuild, refreshError, stoppedBy } = useBuildPolling(tokenId, initial);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Atlaskit's Heading passes a ref but no tabIndex; -1 makes it focusable from script only.
    headingRef.current?.setAttribute('tabindex', '-1');
    headingRef.current?.focus();
  }, []);
  // The parent passes a new function each render; only a change of state is news.
  const stateChanged = useRef(onStateChange);
  useEffect(() => {
    stateChanged.current = onStateChange;
  });
  useEffect(() => {
    stateChanged.current?.(build.state);
  }, [build.state]);
  const percent = Math.max(0, Math.min(100, Math.round(build.percentageComplete ?? 0)));
  const title = build.number ? `Build #${build.number}` : 'Build queued';
  return (
    <Box
      testId="build-progress"
      padding="space.200"
      style={{
        border: `${designToken('border.width')} solid ${designToken('color.border')}`,
        borderRadius: designToken('radius.large'),
        background: designToken('elevation.surface.raised'),
        boxShadow: designToken('elevation.shadow.raised'),
      }}
    >
      <Stack space="space.150">
        <Inline spread="space-between" alignBlock="center">
          <Heading size="small" as="h2" ref={headingRef} testId="build-progress-heading">
            <span data-testid="build-title">{title}</span>
          </Heading>
          <div>
            {/* Only the sentence is live: with the lozenge inside too, the state would be read out twice. */}
            <div aria-live="polite" aria-atomic="true">
              <VisuallyHidden>{`${title}: ${buildLook(build).text}`}</VisuallyHidden>
            </div>
            <BuildStateLozenge build={build} testId="build-state" />
          </div>
        </Inline>
        <Text color="color.text.subtle">
          {build.buildTypeName ?? configurationName}
          {build.branchName ? ` · ${build.branchName}` : ''}
          {build.revision ? ` · commit ${build.revision.slice(0, 12)}` : ''}
        </Text>
        <BuildApproval tokenId={tokenId} build={build} onApproved={(approval) => setBuild({ ...build, approval })} />
        {build.state === 'queued' && (
          <Stack space="space.050">
            <ProgressBar isIndeterminate ariaLabel="Waiting in the queue" />
            <Text size="small" color="color.text.subtle">
              {build.approval?.status === 'waiting' ? 'Waiting for approval…' : 'Waiting in the queue for a build agent…'}
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
        {stoppedBy && (
          <AppErrorMessage
            error={stoppedBy}
            title="We stopped following this build"
            settingsPath={settingsPath}
            testId="build-refresh-stopped"
            headingLevel="h3"
          />
        )}
        {refreshError && !stoppedBy && (
          <Text size="small" color="color.text.warning" testId="build-refresh-error">
            {`We couldn’t refresh the build status (${refreshError.message}). Trying again…`}
          </Text>
        )}
        <CancelBuild
          tokenId={tokenId}
          build={build}
          leading={
            <TeamCityLink url={build.webUrl} serverUrl={serverUrl} testId="open-in-teamcity" otherwise="nothing">
              Open in TeamCity
            </TeamCityLink>
          }
          onCanceled={setBuild}
        />
      </Stack>
    </Box>
  );
}
