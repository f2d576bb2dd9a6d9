/**
 * The run dialog's typed parameters: what the dialog shows for a configuration, and the check of a run against the
 * configuration's specs before anything is sent to TeamCity. TeamCity's REST API does not apply a spec's validation
 * to a queued build (only its own Run Custom Build dialog does), so this check is the only one a tampered invoke
 * meets.
 */
import { fail } from '../shared/result';
import { isEditable, parseParameterSpec, typedValueProblem, type ParameterSpec } from '../shared/parameter-spec';
import { isPullRequestParameter } from '../shared/pull-request-parameters';
import type { GetRunParametersResponse, RunParameterView } from '../shared/schemas';
import type { TeamCityParameter } from '../teamcity/teamcity-client';

/** The dialog shows at most this many; a configuration with more is rare and the rest keep TeamCity's values. */
export const MAX_SHOWN_PARAMETERS = 100;

type Parameter = { name: string; value: string };

export type ParameterSpecs = Map<string, ParameterSpec | undefined>;

/** Specs by name; the app's own bitbucket.pr.* parameters are never the user's to set, so they are left out. */
export function specsOf(parameters: readonly TeamCityParameter[]): ParameterSpecs {
  return new Map(parameters.filter((p) => !isPullRequestParameter(p.name)).map((p) => [p.name, parseParameterSpec(p.rawType)]));
}

export function runParametersView(
  buildTypeId: string,
  parameters: readonly TeamCityParameter[],
  lastValues: Record<string, string>,
): Omit<GetRunParametersResponse, 'tags'> {
  const specs = specsOf(parameters);
  const shown: RunParameterView[] = [];
  for (const p of parameters) {
    if (!specs.has(p.name)) continue;
    const spec = specs.get(p.name);
    if (spec?.display === 'hidden') continue;
    const password = spec?.type === 'password';
    const last = lastValues[p.name];
    shown.push({
      name: p.name,
      ...(spec !== undefined && { spec }),
      defaultValue: password ? '' : p.value,
      ...(!password &&
        isEditable(spec) &&
        last !== undefined &&
        (spec === undefined || typedValueProblem(p.name, spec, last) === null) && { lastValue: last }),
    });
  }
  return { buildTypeId, parameters: shown.slice(0, MAX_SHOWN_PARAMETERS), truncated: shown.length > MAX_SHOWN_PARAMETERS };
}

const label = (name: string, spec: ParameterSpec) => `"${(spec.label ?? name).slice(0, 100)}"`;

/**
 * The first reason TeamCity's Run Custom Build dialog would refuse this run: a value outside its spec, a hidden or
 * read-only parameter set, or a prompt parameter left out. Untyped and unknown names stay free, as in TeamCity.
 */
export function checkRunParameters(specs: ParameterSpecs, parameters: readonly Parameter[]) {
  const given = new Map(parameters.map((p) => [p.name, p.value]));
  for (const [name, value] of given) {
    const spec = specs.get(name);
    if (spec === undefined) continue;
    if (!isEditable(spec)) {
      return fail(
        'invalid_input',
        `${label(name, spec)} is ${spec.display === 'hidden' ? 'hidden' : 'read-only'} in TeamCity, so its value can't be set when running a build.`,
        'parameters',
      );
    }
    const problem = typedValueProblem(name, spec, value);
    if (problem) return fail('invalid_input', problem, 'parameters');
  }
  for (const [name, spec] of specs) {
    if (spec?.display !== 'prompt' || !isEditable(spec)) continue;
    const value = given.get(name);
    const empty =
      value === undefined || ((spec.type === 'text' || spec.type === 'password' || spec.type === 'select') && value.trim() === '');
    if (empty) return fail('invalid_input', `TeamCity asks for ${label(name, spec)} on every run: enter a value.`, 'parameters');
  }
  return undefined;
}

/** Names whose values are secrets: sent to TeamCity and nowhere else. */
export const passwordNames = (specs: ParameterSpecs): Set<string> =>
  new Set([...specs].filter(([, spec]) => spec?.type === 'password').map(([name]) => name));

/** What to remember for next time: typed or not, never a password. */
export const rememberedValues = (specs: ParameterSpecs, parameters: readonly Parameter[]): Record<string, string> => {
  const secret = passwordNames(specs);
  return Object.fromEntries(parameters.filter((p) => specs.has(p.name) && !secret.has(p.name)).map((p) => [p.name, p.value]));
};
