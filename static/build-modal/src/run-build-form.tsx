/**
 * The form: server, build configuration, branch, the collapsed extras, and recent builds of the choice.
 * It only edits values; the flow around it validates and starts the build.
 */
import type { ReactNode } from 'react';
import type { BuildConfigurationView, BuildView, GetBuildSetupResponse } from '../../../src/shared/schemas';
import { Stack } from '@atlaskit/primitives/compiled';
import { BranchPicker } from './branch-picker';
import { CommitField } from './commit-field';
import { ConfigurationPicker } from './configuration-picker';
import { MoreOptions, type RunOptions } from './more-options';
import { ParametersEditor } from './parameters-editor';
import type { ParameterRow, RowProblems } from './parameter-rows';
import { PrContextSummary } from './pr-context-summary';
import { RecentBuilds } from './recent-builds';
import { ServerPicker } from './server-picker';

/** The server a token is for; none (so no links) for a token the setup does not list. */
export const serverUrlOf = (setup: GetBuildSetupResponse, tokenId: string): string =>
  setup.servers.find((server) => server.id === tokenId)?.serverUrl ?? '';

export type FormValues = {
  tokenId: string;
  configuration: BuildConfigurationView | null;
  branch: string;
  /** A commit of the branch to build exactly; empty: its latest commit. */
  commit: string;
  rows: ParameterRow[];
  options: RunOptions;
};

export type FormProblems = {
  configuration?: string;
  branch?: string;
  commit?: string;
  rows: Map<number, RowProblems>;
  rowLimit: string | null;
  comment: string | null;
};

export type RunBuildFormProps = {
  setup: GetBuildSetupResponse;
  settingsPath: string | null;
  values: FormValues;
  problems: FormProblems;
  showProblems: boolean;
  moreOpen: boolean;
  runningAgain: number | null;
  onMoreToggle: () => void;
  onChange: (change: Partial<FormValues>) => void;
  onRunAgain: (build: BuildView) => void;
  /** The chosen configuration's own (typed) parameters. */
  typedParameters: ReactNode;
};

export function RunBuildForm(props: RunBuildFormProps) {
  const { setup, values, problems, showProblems, onChange } = props;
  const branchForHistory = problems.branch ? undefined : values.branch;
  return (
    <Stack space="space.250">
      <ServerPicker
        servers={setup.servers}
        allowedServers={setup.allowedServers}
        selectedId={values.tokenId}
        onChange={(tokenId) => onChange({ tokenId, configuration: null })}
      />
      <ConfigurationPicker
        key={values.tokenId}
        tokenId={values.tokenId}
        repositoryName={setup.repository.fullName}
        selected={values.configuration}
        preferredId={setup.lastBuildTypeIds[values.tokenId]}
        error={showProblems ? problems.configuration : undefined}
        settingsPath={props.settingsPath}
        onSelect={(configuration) => onChange({ configuration })}
      />
      <BranchPicker
        repository={setup.repository}
        pullRequest={setup.pullRequest}
        value={values.branch}
        error={showProblems || values.branch !== '' ? problems.branch : undefined}
        onChange={(branch) => onChange({ branch })}
      />
      <CommitField
        value={values.commit}
        branch={branchForHistory}
        pullRequestHead={setup.pullRequest?.headCommit}
        error={showProblems || values.commit !== '' ? problems.commit : undefined}
        onChange={(commit) => onChange({ commit })}
      />
      {props.typedParameters}
      <MoreOptions
        isOpen={props.moreOpen}
        onToggle={props.onMoreToggle}
        options={values.options}
        commentProblem={problems.comment}
        onChange={(options) => onChange({ options })}
        parameters={
          <ParametersEditor
            rows={values.rows}
            problems={problems.rows}
            showProblems={showProblems}
            limitProblem={problems.rowLimit}
            onChange={(rows) => onChange({ rows })}
          />
        }
        prContext={setup.pullRequest ? <PrContextSummary pullRequest={setup.pullRequest} /> : null}
      />
      {values.configuration && (
        <RecentBuilds
          tokenId={values.tokenId}
          serverUrl={serverUrlOf(setup, values.tokenId)}
          buildTypeId={values.configuration.id}
          branchName={branchForHistory}
          runningAgain={props.runningAgain}
          onRunAgain={props.onRunAgain}
        />
      )}
    </Stack>
  );
}
