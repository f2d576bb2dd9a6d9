import { newParameterRow, rowProblems, toParameters, tooManyParameters } from './parameter-rows';

describe('parameter rows', () => {
  it('ignores rows left empty and trims names', () => {
    const rows = [newParameterRow(' env.A ', '1'), newParameterRow(), newParameterRow('b', '')];
    expect(rowProblems(rows).size).toBe(0);
    expect(toParameters(rows)).toEqual([
      { name: 'env.A', value: '1' },
      { name: 'b', value: '' },
    ]);
  });

  it('reports a bad name, a value without a name, a duplicate and a reserved name on their rows', () => {
    const bad = newParameterRow('1abc', 'x');
    const nameless = newParameterRow('', 'value');
    const first = newParameterRow('env.X', '1');
    const duplicate = newParameterRow('env.X', '2');
    const reserved = newParameterRow('Bitbucket.PR.id', '9');
    const problems = rowProblems([bad, nameless, first, duplicate, reserved]);
    expect(problems.get(bad.key)?.name).toMatch(/start with a letter/);
    expect(problems.get(nameless.key)?.name).toBe('Enter a parameter name.');
    expect(problems.has(first.key)).toBe(false);
    expect(problems.get(duplicate.key)?.name).toBe('This parameter is already set above.');
    expect(problems.get(reserved.key)?.name).toBe('Names starting with "bitbucket.pr." are set by the app from the pull request.');
  });

  it('flags a value over the limit and more than 100 parameters', () => {
    const long = newParameterRow('p', 'x'.repeat(16385));
    expect(rowProblems([long]).get(long.key)?.value).toMatch(/too long/);
    const many = Array.from({ length: 101 }, (_, i) => newParameterRow(`p${i}`, ''));
    expect(tooManyParameters(many)).toMatch(/at most 100/);
    expect(tooManyParameters(many.slice(1))).toBeNull();
  });
});
