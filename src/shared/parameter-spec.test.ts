import { parseParameterSpec, typedValueProblem, MAX_SELECT_OPTIONS } from './parameter-spec';

describe('parseParameterSpec', () => {
  it('reads the forms JetBrains documents for each type', () => {
    expect(
      parseParameterSpec(
        "select data_5='mac' label_5='macOS' label_3='Linux' display='normal' data_1='win' label_1='Windows' data_3='linux'",
      ),
    ).toEqual({
      type: 'select',
      display: 'normal',
      readOnly: false,
      multiple: false,
      separator: ',',
      options: [
        { value: 'win', label: 'Windows' },
        { value: 'linux', label: 'Linux' },
        { value: 'mac', label: 'macOS' },
      ],
    });
    expect(
      parseParameterSpec(
        "text regexp='^|[\\w-\\.|]+@(|[\\w-|]+\\.)+|[\\w-|]{2,4}$' validationMode='regex' validationMessage='Invalid email address' display='normal'",
      ),
    ).toMatchObject({
      type: 'text',
      validation: 'regex',
      regex: '^[\\w-\\.]+@([\\w-]+\\.)+[\\w-]{2,4}$',
    });
    expect(
      parseParameterSpec(
        "checkbox description='Check to run the build in \"Release\" configuration.' label='Release configuration' uncheckedValue='debug' checkedValue='release' display='prompt'",
      ),
    ).toEqual({
      type: 'checkbox',
      display: 'prompt',
      readOnly: false,
      label: 'Release configuration',
      description: 'Check to run the build in "Release" configuration.',
      checkedValue: 'release',
      uncheckedValue: 'debug',
    });
    expect(parseParameterSpec("select data_1='2023.03' multiple='true' valueSeparator='||'")).toMatchObject({
      multiple: true,
      separator: '|',
    });
    expect(parseParameterSpec('password')).toEqual({ type: 'password', display: 'normal', readOnly: false });
    expect(parseParameterSpec('checkbox')).toMatchObject({ checkedValue: 'true', uncheckedValue: '' });
  });

  it("unescapes TeamCity's service-message escapes", () => {
    expect(parseParameterSpec("text label='it|'s |[x|] a||b|nc |0x00e9' validationMode='any'")).toMatchObject({
      label: "it's [x] a|b\nc é",
    });
  });

  it.each([
    ['no spec', undefined],
    ['empty', ''],
    ['a remote secret', "remoteSecret vaultId='x'"],
    ['an unknown type', "fancy label='x'"],
    ['an unterminated value', "text label='x"],
    ['a bad escape', "text label='|q'"],
    ['no quotes', 'text label=x'],
    ['a regex JavaScript cannot read', "text regexp='(' validationMode='regex'"],
    ['a huge spec', `text label='${'x'.repeat(30_000)}'`],
  ])('treats %s as an untyped parameter', (_what, raw) => {
    expect(parseParameterSpec(raw)).toBeUndefined();
  });

  it('bounds what a server can make it hold', () => {
    const many = Array.from({ length: 500 }, (_, i) => `data_${i}='v${i}'`).join(' ');
    const spec = parseParameterSpec(`select ${many}`);
    expect(spec?.type === 'select' && spec.options.length).toBe(MAX_SELECT_OPTIONS);
    expect(parseParameterSpec(`text label='${'l'.repeat(5000)}'`)?.label?.length).toBe(2000);
  });
});

describe('typedValueProblem', () => {
  const text = parseParameterSpec("text regexp='deploy' validationMode='regex' label='Confirm'")!;
  it('matches the whole value, as TeamCity does', () => {
    expect(typedValueProblem('c', text, 'deploy')).toBeNull();
    expect(typedValueProblem('c', text, 'please deploy now')).toMatch(/"Confirm" must match deploy/);
  });
  it('checks not_empty, checkbox and select values', () => {
    expect(typedValueProblem('n', parseParameterSpec("text validationMode='not_empty'")!, '  ')).toMatch(/Enter a value/);
    expect(typedValueProblem('b', parseParameterSpec("checkbox checkedValue='yes' uncheckedValue='no'")!, 'no')).toBeNull();
    const multi = parseParameterSpec("select data_1='a' data_2='b' multiple='true' valueSeparator=';'")!;
    expect(typedValueProblem('m', multi, 'a;b')).toBeNull();
    expect(typedValueProblem('m', multi, '')).toBeNull();
    expect(typedValueProblem('m', multi, 'a,b')).toMatch(/"a,b" is not one of the choices/);
  });
});
