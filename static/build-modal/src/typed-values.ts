/**
 * The run dialog's typed parameter values: where each starts, what a run sends and what is wrong with them, kept
 * apart from the components so the rules can be tested without a browser. The resolver applies the same rules
 * (src/services/run-parameters.ts) with the same shared spec functions.
 */
import { isEditable, typedValueProblem } from '../../../src/shared/parameter-spec';
import type { RunParameterView } from '../../../src/shared/schemas';

export type TypedValues = Record<string, string>;

const isPrompt = (p: RunParameterView) => p.spec?.display === 'prompt' && isEditable(p.spec);

/** Last run's values where there are some; a prompt parameter starts from TeamCity's value, to be confirmed each run. */
export const initialTypedValues = (parameters: readonly RunParameterView[]): TypedValues =>
  Object.fromEntries(parameters.map((p) => [p.name, isPrompt(p) ? p.defaultValue : (p.lastValue ?? p.defaultValue)]));

/**
 * What a run sends: values the user changed, and every prompt parameter. An empty password is left out so TeamCity
 * keeps the one it stores; untouched parameters keep TeamCity's values without being restated.
 */
export function typedParametersToSend(
  parameters: readonly RunParameterView[],
  values: TypedValues,
): Array<{ name: string; value: string }> {
  return parameters
    .filter((p) => isEditable(p.spec))
    .map((p) => ({ parameter: p, value: values[p.name] ?? p.defaultValue }))
    .filter(({ parameter, value }) =>
      parameter.spec?.type === 'password' ? value !== '' : isPrompt(parameter) || value !== parameter.defaultValue,
    )
    .map(({ parameter, value }) => ({ name: parameter.name, value }));
}

/** Problems by parameter name, for the values a run would send. */
export function typedProblems(parameters: readonly RunParameterView[], values: TypedValues): Map<string, string> {
  const problems = new Map<string, string>();
  const sent = new Map(typedParametersToSend(parameters, values).map((p) => [p.name, p.value]));
  for (const p of parameters) {
    if (!p.spec) continue;
    const value = sent.get(p.name);
    if (isPrompt(p) && (value === undefined || (p.spec.type !== 'checkbox' && value.trim() === ''))) {
      problems.set(p.name, `TeamCity asks for this on every run: enter a value.`);
      continue;
    }
    if (value === undefined) continue;
    const problem = typedValueProblem(p.name, p.spec, value);
    if (problem) problems.set(p.name, problem);
  }
  return problems;
}
