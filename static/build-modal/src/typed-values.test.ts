import { parseParameterSpec } from '../../../src/shared/parameter-spec';
import type { RunParameterView } from '../../../src/shared/schemas';
import { initialTypedValues, typedParametersToSend, typedProblems } from './typed-values';

const param = (name: string, raw: string | undefined, defaultValue: string, lastValue?: string): RunParameterView => {
  const spec = parseParameterSpec(raw);
  return { name, defaultValue, ...(spec && { spec }), ...(lastValue !== undefined && { lastValue }) };
};

const parameters = [
  param('target', "select data_1='staging' data_2='preview'", 'staging', 'preview'),
  param('confirm', "text regexp='deploy' validationMode='regex' display='prompt'", '', 'deploy'),
  param('key', 'password', ''),
  param('owner', "text readOnly='true'", 'team'),
  param('plain', undefined, 'x'),
];

describe('typed values of the run dialog', () => {
  it('starts from the last run, except prompts, which are confirmed each time', () => {
    expect(initialTypedValues(parameters)).toEqual({ target: 'preview', confirm: '', key: '', owner: 'team', plain: 'x' });
  });

  it('sends changed values and prompts, never an empty password or a read-only value', () => {
    const values = { target: 'staging', confirm: 'deploy', key: '', owner: 'other', plain: 'y' };
    expect(typedParametersToSend(parameters, values)).toEqual([
      { name: 'confirm', value: 'deploy' },
      { name: 'plain', value: 'y' },
    ]);
    expect(typedParametersToSend(parameters, { ...values, key: 's3cret' })).toContainEqual({ name: 'key', value: 's3cret' });
  });

  it('reports an unconfirmed prompt and a value outside the spec by name', () => {
    const problems = typedProblems(parameters, { target: 'nowhere', confirm: '', key: '', owner: 'team', plain: 'x' });
    expect([...problems.keys()]).toEqual(['target', 'confirm']);
    expect(problems.get('target')).toMatch(/"nowhere" is not one of the choices/);
  });
});
