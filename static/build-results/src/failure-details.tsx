/** A failed build, expanded: build problems, the first failed tests, the log's last lines and the artifacts. */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import Spinner from '@atlaskit/spinner';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import SectionMessage from '@atlaskit/section-message';
import type { FailedTestView } from '../../../src/shared/schemas';
import { useResolverQuery } from '../../shared/use-resolver-query';
import { ExternalLink } from '../../shared/external-link';
import { durationText, sizeText } from './results-summary';
import { api } from './api';

const FIRST_LINES = 3;
const LOG_LINES_FIRST = 15;

function FailedTest({ test }: { test: FailedTestView }) {
  const [open, setOpen] = useState(false);
  const lines = (test.details ?? '').split('\n');
  return (
    <Stack space="space.050" testId="failed-test">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Text weight="medium">{test.name}</Text>
        {test.newFailure && <Lozenge appearance="removed">New</Lozenge>}
        {test.muted && <Lozenge>Muted</Lozenge>}
        {test.durationMs !== undefined && <Text size="small">{durationText(test.durationMs / 1000)}</Text>}
      </Inline>
      {test.details && (
        <Box as="pre" padding="space.100" backgroundColor="color.background.neutral">
          {(open ? lines : lines.slice(0, FIRST_LINES)).join('\n')}
        </Box>
      )}
      {lines.length > FIRST_LINES && (
        <Button appearance="subtle" spacing="compact" onClick={() => setOpen((o) => !o)}>
          {open ? 'Show less' : `Show all ${lines.length} lines`}
        </Button>
      )}
    </Stack>
  );
}

/** The log's last lines, the final few at first: the end of a log is where a build says why it failed. */
function LogTail({ lines }: { lines: string[] }) {
  const [all, setAll] = useState(false);
  return (
    <Stack space="space.050">
      <Box as="pre" padding="space.100" backgroundColor="color.background.neutral" testId="log-tail">
        {(all ? lines : lines.slice(-LOG_LINES_FIRST)).join('\n')}
      </Box>
      {lines.length > LOG_LINES_FIRST && (
        <Button appearance="subtle" spacing="compact" onClick={() => setAll((a) => !a)} testId="log-tail-toggle">
          {all ? `Show the last ${LOG_LINES_FIRST} lines` : `Show the last ${lines.length} lines`}
        </Button>
      )}
    </Stack>
  );
}

export function FailureDetails({ tokenId, buildId }: { tokenId: string; buildId: number }) {
  const { state } = useResolverQuery(api.getBuildFailureDetails, {
    tokenId,
    buildId,
  });
  if (state.status === 'loading') return <Spinner size="medium" label="Loading the build's failures" />;
  if (state.status === 'error')
    return (
      <SectionMessage appearance="error" headingLevel="h3" title="Couldn't load the failure details">
        {state.error.message}
      </SectionMessage>
    );
  const d = state.data;
  return (
    <Stack space="space.200" testId="failure-details">
      {d.problems.length > 0 && (
        <Stack space="space.050">
          <Text weight="bold">Build problems</Text>
          {d.problems.map((p, i) => (
            <Text key={i}>{p.details || p.type}</Text>
          ))}
        </Stack>
      )}
      <Stack space="space.100">
        <Text weight="bold">Failed tests{d.failedTests.length > 0 ? ` (first ${d.failedTests.length})` : ''}</Text>
        {d.failedTests.length === 0 && <Text>No failed tests.</Text>}
        {d.failedTests.map((t, i) => (
          <FailedTest key={i} test={t} />
        ))}
      </Stack>
      <Stack space="space.050">
        <Inline spread="space-between">
          <Text weight="bold">Build log (last lines)</Text>
          {d.logUrl && <ExternalLink href={d.logUrl}>Full log</ExternalLink>}
        </Inline>
        {d.logTail ? <LogTail lines={d.logTail.lines} /> : <Text>{d.logError?.message ?? 'TeamCity did not send the log.'}</Text>}
      </Stack>
      <Stack space="space.050" testId="artifacts">
        <Inline spread="space-between">
          <Text weight="bold">Artifacts</Text>
          {d.artifactsUrl && <ExternalLink href={d.artifactsUrl}>All artifacts</ExternalLink>}
        </Inline>
        {d.artifacts.length === 0 && <Text>No artifacts.</Text>}
        {d.artifacts.map((a, i) => (
          <Inline key={i} space="space.100">
            {a.downloadUrl ? <ExternalLink href={a.downloadUrl}>{a.name}</ExternalLink> : <Text>{a.name}</Text>}
            {a.size !== undefined && <Text size="small">{sizeText(a.size)}</Text>}
          </Inline>
        ))}
      </Stack>
    </Stack>
  );
}
