/**
 * From choosing to watching: the form until a build starts, then the build's progress with recent
 * builds, and back to the form for another run. Starting a build (from the form or "Run again") goes
 * through one function, so both report errors the same way.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Stack } from '@atlaskit/primitives/compiled';
import type { AppError } from '../../../src/shared/result';
import type { BuildView, GetBuildSetupResponse, TriggerBuildRequest } from '../../../src/shared/schemas';
import { BuildProgress } from './build-progress';
import { closeModal } from './close-modal';
import { ModalFrame } from './modal-frame';
import { newParameterRow, toParameters } from './parameter-rows';
import { userParametersOf } from '../../../src/shared/pull-request-parameters';
import { RecentBuilds } from './recent-builds';
import { defaultCommitOf, RunBuildForm, serverUrlOf, type FormValues } from './run-build-form';
import { triggerBuild } from './trigger-build';
import { TriggerErrorMessage } from './trigger-error-message';
import { hasHiddenProblems, hasProblems, validateForm } from './validate-form';
import { RunParametersSection } from './run-parameters-section';
import { initialTypedValues, typedParametersToSend, typedProblems, type TypedValues } from './typed-values';
import { useRunParameters } from './use-run-parameters';
import { chosenTag, offeredTags, TagsNote } from './run-tags';

export type RunBuildFlowProps = { setup: GetBuildSetupResponse; settingsPath: string | null; subtitle: string };

type Started = { build: BuildView; tokenId: string; configurationName: string };
/** Tagged with its build: a state reported for the previous build must not count as news about the next. */
type LiveState = { buildId: number; state: BuildView['state'] };

const FORM_CONTROLS = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

export function RunBuildFlow({ setup, settingsPath, subtitle }: RunBuildFlowProps) {
  const [values, setValues] = useState<FormValues>(() => ({
    tokenId:
      setup.selectedTokenId && setup.servers.some((s) => s.id === setup.selectedTokenId) ? setup.selectedTokenId : setup.servers[0]!.id,
    configuration: null,
    branch: setup.defaultBranch,
    tag: null,
    // On a pull request its head commit, so the result matches what reviewers and the merge check look at.
    commit: defaultCommitOf(setup, setup.defaultBranch),
    rows: [],
    options: { comment: '', queueAtTop: false, cleanCheckout: false },
  }));
  const [moreOpen, setMoreOpen] = useState(false);
  const [showProblems, setShowProblems] = useState(false);
  const [submitting, setSubmitting] = useState<'form' | number | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [started, setStarted] = useState<Started | null>(null);
  const [liveState, setLiveState] = useState<LiveState | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const focusForm = useRef(false);

  useEffect(() => {
    // Back from the progress view, the button that was pressed is gone; start again at the top of the form.
    if (started || !focusForm.current) return;
    focusForm.current = false;
    formRef.current?.querySelector<HTMLElement>(FORM_CONTROLS)?.focus();
  }, [started]);

  const runParameters = useRunParameters(values.tokenId, values.configuration?.id);
  const tag = chosenTag(values.tag, runParameters);
  const tags = useMemo(() => offeredTags(runParameters), [runParameters]);
  const problems = useMemo(() => validateForm(values, tag !== undefined), [values, tag]);
  const [typedEdits, setTypedEdits] = useState<{ key: string; values: TypedValues } | null>(null);
  const parameterList = useMemo(() => (runParameters.status === 'ready' ? runParameters.data.parameters : []), [runParameters]);
  // Each configuration starts from its own values; edits belong to the configuration they were made for.
  const typedValues = useMemo(
    () => (typedEdits?.key === runParameters.key ? typedEdits.values : initialTypedValues(parameterList)),
    [typedEdits, runParameters.key, parameterList],
  );
  const typedProblemsByName = useMemo(() => typedProblems(parameterList, typedValues), [parameterList, typedValues]);

  const start = async (request: TriggerBuildRequest, configurationName: string, source: 'form' | number) => {
    setSubmitting(source);
    setError(null);
    const result = await triggerBuild(request);
    setSubmitting(null);
    if (result.ok) {
      setStarted({ build: result.data.build, tokenId: request.tokenId, configurationName });
      return;
    }
    setError(result.error);
    // The message sits at the end of a scrolling body; bring it to the user.
    requestAnimationFrame(() => errorRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }));
  };

  const runFromForm = () => {
    setShowProblems(true);
    if (hasProblems(problems) || typedProblemsByName.size > 0 || !values.configuration) {
      if (hasHiddenProblems(problems)) setMoreOpen(true);
      return;
    }
    const { comment, queueAtTop, cleanCheckout } = values.options;
    void start(
      {
        tokenId: values.tokenId,
        buildTypeId: values.configuration.id,
        ...(tag ? { tag: tag.name } : { branchName: values.branch.trim(), revision: values.commit.trim() || undefined }),
        parameters: [...typedParametersToSend(parameterList, typedValues), ...toParameters(values.rows)],
        comment: comment.trim() || undefined,
        queueAtTop,
        cleanCheckout,
      },
      values.configuration.name,
      'form',
    );
  };

  const runAgain = (tokenId: string, build: BuildView, configurationName: string) =>
    void start(
      {
        tokenId,
        buildTypeId: build.buildTypeId,
        branchName: build.branchName ?? values.branch.trim(),
        parameters: userParametersOf(build.parameters),
      },
      build.buildTypeName ?? configurationName,
      build.id,
    );

  const backToForm = () => {
    if (started) {
      // The next run starts from what was just run, including the branch and parameters of a "Run again".
      const build = started.build;
      setValues((v) => ({
        ...v,
        branch: build.branchName ?? v.branch,
        tag: null,
        rows: v.rows.length > 0 ? v.rows : userParametersOf(build.parameters).map((p) => newParameterRow(p.name, p.value)),
      }));
    }
    focusForm.current = true;
    setStarted(null);
    setShowProblems(false);
  };

  const errorMessage = error && (
    <div ref={errorRef}>
      <TriggerErrorMessage error={error} settingsPath={settingsPath} />
    </div>
  );

  if (started) {
    const buildState = liveState?.buildId === started.build.id ? liveState.state : started.build.state;
    return (
      <ModalFrame
        subtitle={subtitle}
        footer={
          <>
            <Button appearance="subtle" onClick={backToForm} testId="run-another">
              Run another build
            </Button>
            <Button appearance="primary" onClick={closeModal} testId="close-modal">
              Done
            </Button>
          </>
        }
      >
        <Stack space="space.300">
          <BuildProgress
            key={started.build.id}
            tokenId={started.tokenId}
            serverUrl={serverUrlOf(setup, started.tokenId)}
            initial={started.build}
            configurationName={started.configurationName}
            settingsPath={settingsPath}
            onStateChange={(state) => setLiveState({ buildId: started.build.id, state })}
          />
          <RecentBuilds
            tokenId={started.tokenId}
            serverUrl={serverUrlOf(setup, started.tokenId)}
            buildTypeId={started.build.buildTypeId}
            branchName={started.build.branchName}
            refreshKey={`${started.build.id}:${buildState}`}
            runningAgain={typeof submitting === 'number' ? submitting : null}
            onRunAgain={(build) => runAgain(started.tokenId, build, started.configurationName)}
          />
          {errorMessage}
        </Stack>
      </ModalFrame>
    );
  }

  return (
    <ModalFrame
      subtitle={subtitle}
      footer={
        <>
          <Button appearance="subtle" onClick={closeModal} testId="cancel-modal">
            Cancel
          </Button>
          <Button appearance="primary" isLoading={submitting === 'form'} onClick={runFromForm} testId="run-build">
            Run build
          </Button>
        </>
      }
    >
      <Stack space="space.250">
        <div ref={formRef}>
          <RunBuildForm
            setup={setup}
            settingsPath={settingsPath}
            values={values}
            problems={problems}
            showProblems={showProblems}
            moreOpen={moreOpen}
            runningAgain={typeof submitting === 'number' ? submitting : null}
            onMoreToggle={() => setMoreOpen((open) => !open)}
            onChange={(change) => {
              setValues((v) => ({ ...v, ...change }));
              setError(null);
            }}
            onRunAgain={(build) => values.configuration && runAgain(values.tokenId, build, values.configuration.name)}
            tag={tag}
            tags={tags}
            tagsNote={<TagsNote state={runParameters} />}
            typedParameters={
              <RunParametersSection
                state={runParameters}
                values={typedValues}
                problems={typedProblemsByName}
                showProblems={showProblems}
                onChange={(next) => {
                  setTypedEdits({ key: runParameters.key, values: next });
                  setError(null);
                }}
              />
            }
          />
        </div>
        {errorMessage}
      </Stack>
    </ModalFrame>
  );
}
