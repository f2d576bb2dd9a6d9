/**
 * The build parameters the user adds, as editable rows. A row left completely empty is ignored rather than
 * reported; names are checked with the backend's rules: valid, once each, and not in the namespace the app
 * fills from the pull request.
 */
import { INPUT_MESSAGES, MAX_PARAMETERS, parameterNameProblem, parameterValueProblem } from '../../../src/shared/input-rules';
import { isPullRequestParameter, PULL_REQUEST_PARAMETER_PREFIX } from '../../../src/shared/pull-request-parameters';

export type ParameterRow = { key: number; name: string; value: string };
export type RowProblems = { name?: string; value?: string };

let nextKey = 1;
export const newParameterRow = (name = '', value = ''): ParameterRow => ({ key: nextKey++, name, value });

const isBlank = (row: ParameterRow) => row.name.trim() === '' && row.value === '';

export function rowProblems(rows: ParameterRow[]): Map<number, RowProblems> {
  const problems = new Map<number, RowProblems>();
  const seen = new Set<string>();
  for (const row of rows) {
    if (isBlank(row)) continue;
    const name = row.name.trim();
    let nameProblem = parameterNameProblem(name);
    if (!nameProblem && isPullRequestParameter(name))
      nameProblem = `Names starting with "${PULL_REQUEST_PARAMETER_PREFIX}" are set by the app from the pull request.`;
    if (!nameProblem && seen.has(name)) nameProblem = 'This parameter is already set above.';
    seen.add(name);
    const valueProblem = parameterValueProblem(row.value);
    if (nameProblem || valueProblem)
      problems.set(row.key, { ...(nameProblem && { name: nameProblem }), ...(valueProblem && { value: valueProblem }) });
  }
  return problems;
}

export function tooManyParameters(rows: ParameterRow[]): string | null {
  return rows.filter((row) => !isBlank(row)).length > MAX_PARAMETERS ? INPUT_MESSAGES.tooManyParameters : null;
}

export function toParameters(rows: ParameterRow[]): Array<{ name: string; value: string }> {
  return rows.filter((row) => !isBlank(row)).map((row) => ({ name: row.name.trim(), value: row.value }));
}
