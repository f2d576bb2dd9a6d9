/** The typed parameters while they load, when TeamCity could not be asked, and once they are there. */
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { Inline, Text } from '@atlaskit/primitives/compiled';
import { TypedParameters } from './typed-parameters';
import type { TypedValues } from './typed-values';
import type { RunParametersState } from './use-run-parameters';

export type RunParametersSectionProps = {
  state: RunParametersState;
  values: TypedValues;
  problems: Map<string, string>;
  showProblems: boolean;
  onChange: (values: TypedValues) => void;
};

export function RunParametersSection({ state, values, problems, showProblems, onChange }: RunParametersSectionProps) {
  if (state.status === 'idle') return null;
  if (state.status === 'loading') {
    return (
      <Inline space="space.100" alignBlock="center">
        <Spinner size="small" label="Loading parameters" />
        <Text color="color.text.subtle">Reading the configuration’s parameters…</Text>
      </Inline>
    );
  }
  if (state.status === 'error') {
    return (
      <SectionMessage
        appearance="warning"
        headingLevel="h3"
        title="The configuration’s parameters could not be read"
        testId="run-parameters-error"
      >
        <Text>{state.error.message} A build you run now uses TeamCity’s values; TeamCity still checks what it requires.</Text>
      </SectionMessage>
    );
  }
  return (
    <TypedParameters
      parameters={state.data.parameters}
      truncated={state.data.truncated}
      values={values}
      problems={problems}
      showProblems={showProblems}
      onChange={onChange}
    />
  );
}
