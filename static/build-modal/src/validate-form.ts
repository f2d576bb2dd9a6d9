/** Every problem in the form at once, so "Run build" can point at all of them rather than the first. */
import { branchNameProblem, commentProblem, commitHashProblem } from '../../../src/shared/input-rules';
import { rowProblems, tooManyParameters } from './parameter-rows';
import type { FormProblems, FormValues } from './run-build-form';

/** `tagChosen`: a tag the configuration builds is chosen, so the branch and commit fields do not count. */
export function validateForm(values: FormValues, tagChosen = false): FormProblems {
  const problems: FormProblems = {
    rows: rowProblems(values.rows),
    rowLimit: tooManyParameters(values.rows),
    comment: commentProblem(values.options.comment),
  };
  if (!values.configuration) problems.configuration = 'Choose a build configuration.';
  else if (values.configuration.paused) problems.configuration = 'This build configuration is paused in TeamCity. Choose another one.';
  if (tagChosen) return problems;
  const branch = branchNameProblem(values.branch.trim());
  if (branch) problems.branch = branch;
  const commit = values.commit.trim() === '' ? null : commitHashProblem(values.commit.trim());
  if (commit) problems.commit = commit;
  return problems;
}

export const hasProblems = (problems: FormProblems): boolean =>
  Boolean(problems.configuration || problems.branch || problems.commit || problems.rows.size > 0 || problems.rowLimit || problems.comment);

/** The extras are collapsed; a problem inside them must not stay hidden. */
export const hasHiddenProblems = (problems: FormProblems): boolean =>
  Boolean(problems.rows.size > 0 || problems.rowLimit || problems.comment);
