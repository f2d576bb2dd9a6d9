/**
 * The configuration's own parameters as TeamCity's Run Custom Build dialog shows them: text (with its validation),
 * select (single or multiple), checkbox, password (masked), read-only ones disabled, prompt ones marked required.
 * Labels, descriptions and options come from TeamCity and are rendered as text only.
 */
import { Checkbox } from '@atlaskit/checkbox';
import { ErrorMessage, Fieldset, HelperMessage, Label } from '@atlaskit/form';
import { RequiredAsterisk } from '@atlaskit/form/required-asterisk';
import { Box, Stack, Text } from '@atlaskit/primitives/compiled';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { isEditable, joinSelection, splitSelection, type ParameterSpec, type SelectOption } from '../../../src/shared/parameter-spec';
import type { RunParameterView } from '../../../src/shared/schemas';
import type { TypedValues } from './typed-values';

export type TypedParametersProps = {
  parameters: RunParameterView[];
  truncated: boolean;
  values: TypedValues;
  problems: Map<string, string>;
  showProblems: boolean;
  onChange: (values: TypedValues) => void;
};

type FieldProps = {
  id: string;
  parameter: RunParameterView;
  value: string;
  invalid: boolean;
  describedBy: string | undefined;
  onChange: (value: string) => void;
};

function SelectField({
  id,
  parameter,
  spec,
  value,
  invalid,
  describedBy,
  onChange,
}: FieldProps & { spec: Extract<ParameterSpec, { type: 'select' }> }) {
  const byValue = new Map(spec.options.map((o) => [o.value, o]));
  const optionOf = (v: string): SelectOption => byValue.get(v) ?? { value: v, label: v };
  if (spec.multiple) {
    return (
      <Select<SelectOption, true>
        inputId={id}
        isMulti
        options={spec.options}
        value={splitSelection(spec, value).map(optionOf)}
        isDisabled={!isEditable(spec)}
        isInvalid={invalid}
        aria-describedby={describedBy}
        menuPlacement="auto"
        testId={`typed-parameter-${parameter.name}`}
        onChange={(chosen) =>
          onChange(
            joinSelection(
              spec,
              chosen.map((o) => o.value),
            ),
          )
        }
      />
    );
  }
  return (
    <Select<SelectOption>
      inputId={id}
      options={spec.options}
      value={value === '' ? null : optionOf(value)}
      isDisabled={!isEditable(spec)}
      isInvalid={invalid}
      aria-describedby={describedBy}
      menuPlacement="auto"
      testId={`typed-parameter-${parameter.name}`}
      onChange={(chosen) => chosen && onChange(chosen.value)}
    />
  );
}

function Field(props: FieldProps) {
  const { id, parameter, value, invalid, describedBy, onChange } = props;
  const spec = parameter.spec;
  if (spec?.type === 'select') return <SelectField {...props} spec={spec} />;
  if (spec?.type === 'checkbox') {
    return (
      <Checkbox
        id={id}
        label={spec.label ?? parameter.name}
        isChecked={value === spec.checkedValue}
        isDisabled={!isEditable(spec)}
        isInvalid={invalid}
        aria-describedby={describedBy}
        testId={`typed-parameter-${parameter.name}`}
        onChange={(event) => onChange(event.currentTarget.checked ? spec.checkedValue : spec.uncheckedValue)}
      />
    );
  }
  const password = spec?.type === 'password';
  return (
    // eslint-disable-next-line @atlaskit/design-system/no-readonly-or-disabled-inputs -- TeamCity's read-only parameters are shown disabled, as its own Run Custom Build dialog shows them
    <Textfield
      id={id}
      type={password ? 'password' : 'text'}
      value={value}
      // A build secret is not the user's login: keep browsers and password managers from offering or saving it.
      autoComplete={password ? 'new-password' : 'off'}
      {...(password && { 'data-1p-ignore': 'true', 'data-lpignore': 'true' })}
      spellCheck={false}
      isDisabled={!isEditable(spec)}
      isInvalid={invalid}
      aria-describedby={describedBy}
      testId={`typed-parameter-${parameter.name}`}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}

export function TypedParameters({ parameters, truncated, values, problems, showProblems, onChange }: TypedParametersProps) {
  if (parameters.length === 0) return null;
  return (
    <Fieldset legend="Parameters">
      <Stack space="space.150" testId="typed-parameters">
        {parameters.map((parameter, index) => {
          const id = `typed-parameter-${index}`;
          const spec = parameter.spec;
          const value = values[parameter.name] ?? parameter.defaultValue;
          const changed = value !== parameter.defaultValue;
          const problem = showProblems || changed ? problems.get(parameter.name) : undefined;
          const helperId = `${id}-helper`;
          const errorId = `${id}-error`;
          const hint = spec?.type === 'password' ? 'Leave empty to keep the value TeamCity stores.' : undefined;
          const description = spec?.description ?? hint;
          const describedBy = [description ? helperId : '', problem ? errorId : ''].filter(Boolean).join(' ') || undefined;
          return (
            <Box key={parameter.name}>
              {spec?.type !== 'checkbox' && (
                <Label htmlFor={id}>
                  {spec?.label ?? parameter.name}
                  {spec?.display === 'prompt' && <RequiredAsterisk />}
                </Label>
              )}
              <Field
                id={id}
                parameter={parameter}
                value={value}
                invalid={problem !== undefined}
                describedBy={describedBy}
                onChange={(v) => onChange({ ...values, [parameter.name]: v })}
              />
              {spec?.label !== undefined && (
                <Text size="small" color="color.text.subtlest">
                  {parameter.name}
                </Text>
              )}
              {description && (
                <div id={helperId}>
                  <HelperMessage>{description}</HelperMessage>
                </div>
              )}
              {problem && (
                <div id={errorId}>
                  <ErrorMessage testId={`typed-parameter-error-${parameter.name}`}>{problem}</ErrorMessage>
                </div>
              )}
            </Box>
          );
        })}
        {truncated && (
          <Text size="small" color="color.text.subtle">
            This configuration has more parameters than shown here; the others keep their TeamCity values.
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
