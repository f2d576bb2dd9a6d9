/**
 * The last five builds of the chosen configuration on the chosen branch, each with "Run again", which
 * starts the same configuration with that build's branch and parameters.
 */
import { useEffect, useRef } from 'react';
import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import Spinner from '@atlaskit/spinner';
import { designToken } from '../../shared/design-token';
import type { BuildView } from '../../../src/shared/schemas';
import { TeamCityLink } from '../../shared/teamcity-link';
import { QueryError } from '../../shared/query-status';
import { RelativeTimeText } from '../../shared/relative-time-text';
import { useResolverQuery } from '../../shared/use-resolver-query';
import { api } from './api';
import { BuildStateLozenge } from '../../shared/build-state-lozenge';

const RECENT_BUILD_COUNT = 5;

export type RecentBuildsProps = {
  tokenId: string;
  /** The server of that token: links go only there. */
  serverUrl: string;
  buildTypeId: string;
  branchName: string | undefined;
  /** Changes when a build was started or finished here, so the list catches up. */
  refreshKey?: string;
  runningAgain: number | null;
  onRunAgain: (build: BuildView) => void;
};

export function RecentBuilds({ tokenId, serverUrl, buildTypeId, branchName, refreshKey, runningAgain, onRunAgain }: RecentBuildsProps) {
  const { state, reload } = useResolverQuery(
    api.listRecentBuilds,
    branchName ? { tokenId, buildTypeId, branchName } : { tokenId, buildTypeId },
  );

  // The first key is what the query just loaded; only later keys mean something changed.
  const seenKey = useRef(refreshKey);
  useEffect(() => {
    if (refreshKey === seenKey.current) return;
    seenKey.current = refreshKey;
    reload();
  }, [refreshKey, reload]);

  return (
    <Stack space="space.100" testId="recent-builds">
      <Text weight="semibold" as="p">
        Recent builds{branchName ? ` on ${branchName}` : ''}
      </Text>
      {state.status === 'loading' && <Spinner size="small" label="Loading recent builds" />}
      {state.status === 'error' && (
        <QueryError appearance="warning" onRetry={reload}>
          {`We couldn’t load recent builds: ${state.error.message}`}
        </QueryError>
      )}
      {state.status === 'ready' && state.data.builds.length === 0 && (
        <Text size="small" color="color.text.subtle">
          No builds yet for this configuration{branchName ? ' and branch' : ''}.
        </Text>
      )}
      {state.status === 'ready' && state.data.builds.length > 0 && (
        <Box as="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {state.data.builds.slice(0, RECENT_BUILD_COUNT).map((build) => (
            <RecentBuildRow
              key={build.id}
              build={build}
              serverUrl={serverUrl}
              isRunning={runningAgain === build.id}
              onRunAgain={onRunAgain}
            />
          ))}
        </Box>
      )}
    </Stack>
  );
}

type RowProps = { build: BuildView; serverUrl: string; isRunning: boolean; onRunAgain: (build: BuildView) => void };

function RecentBuildRow({ build, serverUrl, isRunning, onRunAgain }: RowProps) {
  const when = build.finishedAt ?? build.startedAt ?? build.queuedAt;
  return (
    <Box
      as="li"
      testId={`recent-build-${build.id}`}
      paddingBlock="space.075"
      style={{ borderTop: `${designToken('border.width')} solid ${designToken('color.border')}` }}
    >
      <Inline space="space.150" alignBlock="center" spread="space-between">
        <Inline space="space.150" alignBlock="center" shouldWrap>
          <Box style={{ minWidth: 72 }}>
            <BuildStateLozenge build={build} />
          </Box>
          <TeamCityLink url={build.webUrl} serverUrl={serverUrl} testId="recent-build-number">
            {build.number ? `#${build.number}` : 'Queued'}
          </TeamCityLink>
          <Text size="small" color="color.text.subtle">
            {build.triggeredBy ?? 'Unknown'}
            {when ? ' · ' : ''}
          </Text>
          {when && (
            <Text size="small" color="color.text.subtle">
              <RelativeTimeText value={when} />
            </Text>
          )}
        </Inline>
        <Button spacing="compact" isLoading={isRunning} onClick={() => onRunAgain(build)} testId={`run-again-${build.id}`}>
          Run again
        </Button>
      </Inline>
    </Box>
  );
}
