import { branchNameSchema, buildParameterSchema, parameterNameSchema, triggerBuildRequestSchema } from './schemas';
import { branchNameProblem, commentProblem, parameterNameProblem, parameterValueProblem } from './input-rules';

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
