import { branchNameSchema, buildParameterSchema, parameterNameSchema, triggerBuildRequestSchema } from './schemas';
import { branchNameProblem, commentProblem, parameterNameProblem, parameterValueProblem } from './input-rules';
import { MAX_BUILD_PARAMETERS, MAX_PARAMETERS } from './input-rules';
import { pullRequestParameters } from './pull-request-parameters';

const zodMessage = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  result.success ? null : (result.error?.issues[0]?.message ?? 'invalid');

describe('parameterNameProblem agrees with parameterNameSchema', () => {
  it.each([
    'env.JAVA_HOME',
    'system.teamcity.build.branch',
    '_private',
    'a',
    'my-param.v2',
    '',
    '1abc',
    '.hidden',
    'has space',
    'semi;colon',
    'ünïcode',
    'x'.repeat(255),
    'x'.repeat(256),
  ])('%j', (name) => {
    expect(parameterNameProblem(name)).toBe(zodMessage(parameterNameSchema.safeParse(name)));
  });
});

describe('branchNameProblem agrees with branchNameSchema', () => {
  it.each([
    'main',
    'feature/login',
    'release/1.4',
    'refs/heads/main',
    '',
    'has space',
    'a..b',
    'a//b',
    '/leading',
    'trailing/',
    'x.lock',
    '-dash',
    'what?',
    'star*',
    'tilde~1',
    'caret^',
    'colon:x',
    'brace@{1}',
    'back\\slash',
    'tab\tx',
    '@',
    'HEAD',
    'release.',
    '.hidden',
    'a/.b',
    'x.lock/y',
    'b'.repeat(255),
    'b'.repeat(256),
  ])('%j', (branch) => {
    expect(branchNameProblem(branch)).toBe(zodMessage(branchNameSchema.safeParse(branch)));
  });
});

describe('values and comments', () => {
  it('rejects a value over 16,384 characters as the schema does', () => {
    for (const value of ['', 'x'.repeat(16384), 'x'.repeat(16385)]) {
      const schema = buildParameterSchema.safeParse({ name: 'p', value });
      expect(parameterValueProblem(value)).toBe(zodMessage(schema));
    }
  });

  it('rejects a comment over 4,000 characters as the schema does', () => {
    const base = { tokenId: 'a'.repeat(32), buildTypeId: 'Build', branchName: 'main' };
    for (const comment of ['', 'x'.repeat(4000), 'x'.repeat(4001)]) {
      const schema = triggerBuildRequestSchema.safeParse({ ...base, comment });
      expect(commentProblem(comment)).toBe(zodMessage(schema));
    }
  });
});

/**
 * `git check-ref-format --branch` (https://git-scm.com/docs/git-check-ref-format), case by case; what git
 * accepts is checked against git 2.39 on the machine these rules were written on.
 */
describe('branch names follow git check-ref-format', () => {
  it.each([
    'main',
    'feature/login',
    'release/1.4',
    'refs/heads/main',
    'a.lock.b',
    'x/-y',
    'a@b',
    'a@',
    '@@',
    'a./b',
    'ünïcode/ブランチ',
    '<default>',
    'fix(ui),again!',
  ])('accepts %j', (branch) => {
    expect(branchNameProblem(branch)).toBeNull();
  });

  it.each([
    ['tab\tx', "Branch names can't contain line breaks or other control characters."],
    ['nul\u0000x', "Branch names can't contain line breaks or other control characters."],
    ['del\u007fx', "Branch names can't contain line breaks or other control characters."],
    ['has space', "Branch names can't contain spaces."],
    ['tilde~1', 'Branch names can\'t contain "~".'],
    ['caret^', 'Branch names can\'t contain "^".'],
    ['colon:x', 'Branch names can\'t contain ":".'],
    ['what?', 'Branch names can\'t contain "?".'],
    ['star*', 'Branch names can\'t contain "*".'],
    ['open[bracket', 'Branch names can\'t contain "[".'],
    ['back\\slash', 'Branch names can\'t contain "\\".'],
    ['a..b', 'Branch names can\'t contain "..".'],
    ['brace@{1}', 'Branch names can\'t contain "@{".'],
    ['/leading', 'Branch names can\'t start or end with "/".'],
    ['trailing/', 'Branch names can\'t start or end with "/".'],
    ['a//b', 'Branch names can\'t contain "//".'],
    ['release.', 'Branch names can\'t end with ".".'],
    ['.hidden', 'No part of a branch name between slashes can start with ".".'],
    ['feature/.x', 'No part of a branch name between slashes can start with ".".'],
    ['x.lock', 'No part of a branch name between slashes can end with ".lock".'],
    ['x.lock/y', 'No part of a branch name between slashes can end with ".lock".'],
    ['-dash', 'Branch names can\'t start with "-".'],
    ['@', '"@" and "HEAD" aren\'t branch names: enter the name of a branch.'],
    ['HEAD', '"@" and "HEAD" aren\'t branch names: enter the name of a branch.'],
  ])('refuses %j: %s', (branch, message) => {
    expect(branchNameProblem(branch)).toBe(message);
  });
});

describe('parameter limits', () => {
  it("leave room for the pull request's parameters on top of a full form", () => {
    const pr = { id: 1, title: 't', sourceBranch: 's', destinationBranch: 'd', author: 'a' };
    expect(MAX_PARAMETERS + pullRequestParameters(pr).length).toBeLessThanOrEqual(MAX_BUILD_PARAMETERS);
  });
});
