/**
 * The form: server, build configuration, branch, the collapsed extras, and recent builds of the choice.
 * It only edits values; the flow around it validates and starts the build.
 */
import type { ReactNode } from 'react';
import type { BuildConfigurationView, BuildView, GetBuildSetupResponse, TagView } from '../../../src/shared/schemas';
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

/** On a pull request's source branch its head commit, so the result matches what reviewers see; else the latest. */
export const defaultCommitOf = (setup: GetBuildSetupResponse, branch: string): string =>
  setup.pullRequest && branch === setup.pullRequest.sourceBranch ? (setup.pullRequest.headCommit ?? '') : '';

export type FormValues = {
  tokenId: string;
  configuration: BuildConfigurationView | null;
  branch: string;
  /** A tag to build instead of the branch (its name; it counts only while the configuration builds it). */
  tag: string | null;
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
  /** The chosen tag, if the configuration builds it, and every tag it builds. */
  tag: TagView | undefined;
  tags: readonly TagView[];
  tagsNote: ReactNode;
};

export function RunBuildForm(props: RunBuildFormProps) {
  const { setup, values, problems, showProblems, onChange } = props;
  const { tag } = props;
  const branchForHistory = tag ? tag.branchName : problems.branch ? undefined : values.branch;
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
        tag={tag}
        tags={props.tags}
        tagsNote={props.tagsNote}
        error={showProblems || values.branch !== '' ? problems.branch : undefined}
        onChange={(change) =>
          // A commit picked from one branch's history is not a commit of the next branch.
          onChange(
            'branch' in change && change.branch !== values.branch ? { ...change, commit: defaultCommitOf(setup, change.branch) } : change,
          )
        }
      />
      {/* A tag names its own commit. */}
      {!tag && (
        <CommitField
          value={values.commit}
          branch={branchForHistory}
          pullRequestHead={setup.pullRequest?.headCommit}
          error={showProblems || values.commit !== '' ? problems.commit : undefined}
          onChange={(commit) => onChange({ commit })}
        />
      )}
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
        prContext={setup.pullRequest && !tag ? <PrContextSummary pullRequest={setup.pullRequest} /> : null}
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
