/**
 * One Custom UI app for three modules; the module's type in the context decides the view: the pull request
 * panel (every configuration in full), the pull request card and the repository card (a compact summary).
 */
import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import Spinner from '@atlaskit/spinner';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import SectionMessage from '@atlaskit/section-message';
import type { ConfigurationResultView, ResultBuildView, ServerResultsView } from '../../../src/shared/schemas';
import { getContext } from '../../shared/forge-view';
import { useResolverQuery } from '../../shared/use-resolver-query';
import { ExternalLink } from '../../shared/external-link';
import { usePersonalSettingsPath } from '../../shared/personal-settings-link';
import { SettingsLinkButton } from '../../shared/settings-link-button';
import { needsNewToken, ReplaceTokenAction } from '../../shared/replace-token-action';
import { BuildRow } from './build-row';
import { api } from './api';
import { isUnfinished, outcomeCounts, OUTCOME_APPEARANCE, OUTCOME_WORDS, sortRows, summaryText, withBuild } from './results-summary';
import { useResultsPolling } from './use-results-polling';

type ViewKind = 'panel' | 'card' | 'repository';

function useViewKind(): { kind: ViewKind | null; workspaceSlug: string | undefined } {
  const [value, setValue] = useState<{ kind: ViewKind | null; workspaceSlug: string | undefined }>({
    kind: null,
    workspaceSlug: undefined,
  });
  useEffect(() => {
    getContext()
      .then((context) => {
        const extension = (context.extension ?? {}) as { type?: string; workspace?: { slug?: string } };
        const kind: ViewKind =
          extension.type === 'bitbucket:repoPullRequestCard'
            ? 'card'
            : extension.type === 'bitbucket:repoCodeOverviewCard'
              ? 'repository'
              : 'panel';
        setValue({ kind, workspaceSlug: extension.workspace?.slug });
      })
      .catch(() => setValue({ kind: 'panel', workspaceSlug: undefined }));
  }, []);
  return value;
}

function ServerSection({
  server,
  kind,
  settingsPath,
  reload,
}: {
  server: ServerResultsView;
  kind: ViewKind;
  settingsPath: string | null;
  reload: () => void;
}) {
  const [shown, setShown] = useState({ source: server, rows: server.ok ? server.configurations : [] });
  // A reload brings a new answer: it replaces what polling and actions changed locally.
  if (shown.source !== server) setShown({ source: server, rows: server.ok ? server.configurations : [] });
  const rows = shown.rows;
  const setRows = (update: (current: ConfigurationResultView[]) => ConfigurationResultView[]) =>
    setShown((current) => ({ ...current, rows: update(current.rows) }));
  const unfinished = rows
    .map((r) => r.build)
    .filter(isUnfinished)
    .map((b) => b.id);
  const pollError = useResultsPolling(server.tokenId, unfinished, (builds) =>
    setRows((current) => sortRows(current.map((row) => builds.reduce((r, b) => withBuild(r, b), row)))),
  );
  const onBuild = (build: ResultBuildView) => setRows((current) => sortRows(current.map((row) => withBuild(row, build))));

  if (!server.ok) {
    return (
      <SectionMessage
        appearance="error"
        headingLevel="h3"
        title={`Couldn't read builds from ${server.serverUrl}`}
        testId="server-error"
        actions={needsNewToken(server.error) && settingsPath ? <ReplaceTokenAction settingsPath={settingsPath} /> : undefined}
      >
        {server.error.message}
      </SectionMessage>
    );
  }
  if (rows.length === 0) return <Text>No TeamCity build configuration on {server.serverUrl} builds this repository.</Text>;

  if (kind !== 'panel') {
    return (
      <Stack space="space.100" testId="compact-results">
        <Inline space="space.100" shouldWrap testId="summary-lozenges">
          {outcomeCounts(rows).map((c) => (
            <Lozenge key={c.outcome} appearance={OUTCOME_APPEARANCE[c.outcome]} isBold={c.outcome !== 'not_built'}>
              {`${c.count} ${OUTCOME_WORDS[c.outcome]}`}
            </Lozenge>
          ))}
        </Inline>
        {rows.map((row) => (
          <Inline key={row.id} spread="space-between" space="space.100" testId={`compact-row-${row.id}`}>
            <Text size="small">{row.name}</Text>
            {row.build?.webUrl ? (
              <ExternalLink href={row.build.webUrl}>{OUTCOME_WORDS[row.outcome]}</ExternalLink>
            ) : (
              <Text size="small">{OUTCOME_WORDS[row.outcome]}</Text>
            )}
          </Inline>
        ))}
      </Stack>
    );
  }
  return (
    <Stack space="space.100">
      <Text weight="medium" testId="summary-line">
        {summaryText(rows)}
        {` on ${server.serverUrl}`}
      </Text>
      {server.moreConfigurations && <Text size="small">More configurations build this repository than are shown here.</Text>}
      {pollError && <Text size="small">Couldn’t refresh the running builds: {pollError.message}</Text>}
      {rows.map((row) => (
        <BuildRow key={row.id} tokenId={server.tokenId} row={row} settingsPath={settingsPath} onBuild={onBuild} onQueued={reload} />
      ))}
    </Stack>
  );
}

export function BuildResultsApp() {
  const { kind, workspaceSlug } = useViewKind();
  const query = useResolverQuery(api.getBuildResults, {});
  const { state, reload } = query;
  const settingsPath = usePersonalSettingsPath(
    workspaceSlug ?? (state.status === 'ready' ? state.data.repository.fullName.split('/')[0] : undefined),
  );
  if (kind === null || state.status === 'loading') return <Spinner size="medium" label="Loading TeamCity builds" />;
  if (state.status === 'error') {
    return (
      <SectionMessage
        appearance="error"
        headingLevel="h3"
        title="Couldn't load TeamCity builds"
        actions={<Button onClick={reload}>Try again</Button>}
      >
        {state.error.message}
      </SectionMessage>
    );
  }
  const data = state.data;
  return (
    <Box padding="space.100" testId={`build-results-${kind}`}>
      <Stack space="space.150">
        {kind === 'panel' && data.headCommit && (
          <Text size="small" color="color.text.subtle">
            Builds of {data.branch} at commit {data.headCommit.slice(0, 7)}
          </Text>
        )}
        {kind === 'repository' && (
          <Text size="small" color="color.text.subtle">
            Latest builds on {data.branch}
          </Text>
        )}
        {data.needsToken ? (
          <Inline space="space.100" alignBlock="center" shouldWrap testId="needs-token">
            <Text>Your TeamCity token is needed to show TeamCity builds here.</Text>
            <SettingsLinkButton path={settingsPath} label="Add a token in personal settings" />
          </Inline>
        ) : (
          data.servers.map((server) => (
            <ServerSection key={server.tokenId} server={server} kind={kind} settingsPath={settingsPath} reload={reload} />
          ))
        )}
      </Stack>
    </Box>
  );
}
