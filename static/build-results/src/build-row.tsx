/**
 * One configuration in the panel: its build's state, number, branch, duration, agent, trigger and tests, a
 * link to TeamCity, and the actions the viewer's token allows (Re-run; Cancel while queued or running). A failed
 * build expands to its failure details. Everything TeamCity sent is rendered as text.
 */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import type { AppError } from '../../../src/shared/result';
import type { ConfigurationResultView, ResultBuildView } from '../../../src/shared/schemas';
import { ExternalLink } from '../../shared/external-link';
import { RelativeTimeText } from '../../shared/relative-time-text';
import { needsNewToken, ReplaceTokenAction } from '../../shared/replace-token-action';
import { FailureDetails } from './failure-details';
import { api } from './api';
import { approvalSummary } from '../../shared/approval-text';
import { buildLook } from '../../shared/build-state-lozenge';
import { buildDuration } from './results-summary';
import { openRunModal } from './open-run-modal';

export type BuildRowProps = {
  tokenId: string;
  row: ConfigurationResultView;
  settingsPath: string | null;
  onBuild: (build: ResultBuildView) => void;
  onQueued: () => void;
};

function stateText(b: ResultBuildView): string {
  if (b.state === 'queued') return b.queuePosition ? `Queued (#${b.queuePosition} in queue)` : 'Queued';
  if (b.state === 'running') return `Running${b.percentageComplete !== undefined ? ` · ${b.percentageComplete}%` : ''}`;
  if (b.failedToStart) return 'Failed to start';
  if (b.outcome === 'canceled') return 'Canceled';
  return b.outcome === 'passed' ? 'Success' : 'Failed';
}

/** The build modal's colours (buildLook), with the queue position and progress in the words. */
function lozengeOf(row: ConfigurationResultView): { text: string; appearance: ReturnType<typeof buildLook>['appearance'] } {
  if (!row.build || (!row.forCommit && row.outcome === 'not_built')) return { text: 'Not built', appearance: 'default' };
  const appearance = row.build.failedToStart ? 'removed' : buildLook(row.build).appearance;
  return { text: stateText(row.build), appearance };
}

function TestCounts({ b }: { b: ResultBuildView }) {
  const t = b.tests;
  if (!t) return null;
  const parts = [
    t.failed > 0 ? `${t.failed} failed${t.newFailed > 0 ? ` (${t.newFailed} new)` : ''}` : null,
    `${t.passed} passed`,
    t.ignored > 0 ? `${t.ignored} ignored` : null,
    t.muted > 0 ? `${t.muted} muted` : null,
  ].filter(Boolean);
  return <Text size="small">Tests: {parts.join(', ')}</Text>;
}

export function BuildRow({ tokenId, row, settingsPath, onBuild, onQueued }: BuildRowProps) {
  const b = row.build;
  const [expanded, setExpanded] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [busy, setBusy] = useState<'rerun' | 'cancel' | 'approve' | null>(null);
  const [error, setError] = useState<{ action: string; error: AppError } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const look = lozengeOf(row);

  const run = async () => {
    setError(null);
    const opened = await openRunModal({ tokenId, buildTypeId: row.id }, onQueued);
    if (!opened)
      setError({
        action: "The build dialog didn't open",
        error: { code: 'internal_error', message: 'Use Run TeamCity build in the pull request’s ••• menu instead.' },
      });
  };
  const rerun = async () => {
    if (!b) return;
    setBusy('rerun');
    setError(null);
    const result = await api.rerunBuild({ tokenId, buildId: b.id });
    setBusy(null);
    if (!result.ok) return setError({ action: 'The build was not re-run', error: result.error });
    setNotice(`Build queued in TeamCity${result.data.build.number ? ` (#${result.data.build.number})` : ''}.`);
    onQueued();
  };
  const cancel = async () => {
    if (!b) return;
    setBusy('cancel');
    setError(null);
    const result = await api.cancelBuild({ tokenId, buildId: b.id });
    setBusy(null);
    setConfirmCancel(false);
    if (!result.ok) return setError({ action: 'The build was not canceled', error: result.error });
    onBuild({
      ...b,
      state: result.data.build.state,
      canceled: true,
      outcome: result.data.build.state === 'finished' ? 'canceled' : b.outcome,
    });
  };

  const approve = async () => {
    if (!b) return;
    setBusy('approve');
    setError(null);
    const result = await api.approveBuild({ tokenId, buildId: b.id });
    setBusy(null);
    if (!result.ok) return setError({ action: 'The build was not approved', error: result.error });
    onBuild({ ...b, approval: result.data.approval });
  };
  const waiting = b?.state === 'queued' && b.approval?.status === 'waiting' ? b.approval : undefined;

  const duration = b ? buildDuration(b) : null;
  return (
    <Box padding="space.150" testId={`build-row-${row.id}`} backgroundColor="elevation.surface">
      <Stack space="space.100">
        <Inline spread="space-between" alignBlock="center" space="space.100">
          <Inline space="space.100" alignBlock="center" shouldWrap>
            <Lozenge appearance={look.appearance} isBold={row.outcome !== 'not_built'} testId={`build-state-${row.id}`}>
              {look.text}
            </Lozenge>
            <Text weight="medium">
              {row.projectName} / {row.name}
            </Text>
            {b?.number && b.state !== 'queued' && <Text color="color.text.subtle">#{b.number}</Text>}
            {row.paused && <Lozenge>Paused</Lozenge>}
          </Inline>
          <Inline space="space.050">
            {b && b.outcome === 'failed' && (
              <Button appearance="subtle" onClick={() => setExpanded((e) => !e)} testId={`expand-${row.id}`} aria-expanded={expanded}>
                {expanded ? 'Hide details' : 'Details'}
              </Button>
            )}
            <Button appearance="subtle" onClick={() => void run()} testId={`run-${row.id}`}>
              Run
            </Button>
            {b && (
              <Button appearance="default" onClick={() => void rerun()} isDisabled={busy !== null} testId={`rerun-${row.id}`}>
                {busy === 'rerun' ? 'Re-running…' : 'Re-run'}
              </Button>
            )}
            {b && b.state !== 'finished' && (
              <Button appearance="subtle" onClick={() => setConfirmCancel(true)} isDisabled={busy !== null} testId={`cancel-${row.id}`}>
                Cancel
              </Button>
            )}
          </Inline>
        </Inline>
        {!b && <Text color="color.text.subtle">No build of this commit or branch yet.</Text>}
        {waiting && (
          <Inline space="space.100" alignBlock="center" shouldWrap testId={`approval-${row.id}`}>
            <Text color="color.text.subtle">{approvalSummary(waiting)}</Text>
            {waiting.canApprove && (
              <Button appearance="primary" onClick={() => void approve()} isDisabled={busy !== null} testId={`approve-${row.id}`}>
                {busy === 'approve' ? 'Approving…' : 'Approve'}
              </Button>
            )}
          </Inline>
        )}
        {b && (
          <Inline space="space.150" shouldWrap>
            {!row.forCommit && b.revision && (
              <Lozenge appearance="moved" testId={`older-commit-${row.id}`}>
                older commit {b.revision.slice(0, 7)}
              </Lozenge>
            )}
            {!row.forCommit && <Text size="small">Not built for this commit yet.</Text>}
            {b.branchName && <Text size="small">Branch: {b.branchName}</Text>}
            {duration && <Text size="small">{b.state === 'running' ? `Running for ${duration}` : `Took ${duration}`}</Text>}
            {b.agentName && <Text size="small">Agent: {b.agentName}</Text>}
            {b.triggeredBy && (
              <Text size="small">
                Triggered by {b.triggeredBy}
                {b.queuedAt && (
                  <>
                    {' '}
                    <RelativeTimeText value={b.queuedAt} />
                  </>
                )}
              </Text>
            )}
            <TestCounts b={b} />
            {b.webUrl && (
              <ExternalLink href={b.webUrl} testId={`teamcity-link-${row.id}`}>
                Open in TeamCity
              </ExternalLink>
            )}
          </Inline>
        )}
        {b?.statusText && b.state === 'finished' && b.outcome !== 'passed' && <Text size="small">{b.statusText}</Text>}
        {confirmCancel && b && (
          <SectionMessage
            appearance="warning"
            headingLevel="h3"
            title={b.number && b.state !== 'queued' ? `Cancel build #${b.number}?` : 'Cancel this build?'}
            testId={`cancel-confirm-${row.id}`}
            actions={[
              <SectionMessageAction key="yes" onClick={() => void cancel()} testId={`cancel-confirm-yes-${row.id}`}>
                {busy === 'cancel' ? 'Canceling…' : 'Cancel build'}
              </SectionMessageAction>,
              <SectionMessageAction key="no" onClick={() => setConfirmCancel(false)}>
                Keep it
              </SectionMessageAction>,
            ]}
          >
            TeamCity will {b.state === 'queued' ? 'remove it from the queue' : 'stop it on its agent'}. This can’t be undone.
          </SectionMessage>
        )}
        {notice && (
          <SectionMessage appearance="success" testId={`rerun-notice-${row.id}`}>
            {notice}
          </SectionMessage>
        )}
        {error && (
          <SectionMessage
            appearance="error"
            headingLevel="h3"
            title={error.action}
            testId={`action-error-${row.id}`}
            actions={needsNewToken(error.error) && settingsPath ? <ReplaceTokenAction settingsPath={settingsPath} /> : undefined}
          >
            {error.error.message}
          </SectionMessage>
        )}
        {expanded && b && <FailureDetails tokenId={tokenId} buildId={b.id} />}
      </Stack>
    </Box>
  );
}
