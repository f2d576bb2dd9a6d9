/** A labelled text input with its helper text and error, wired for screen readers (describedby). */
import type { Ref } from 'react';
import { ErrorMessage } from '@atlaskit/form/error-message';
import { HelperMessage } from '@atlaskit/form/helper-message';
import { Label } from '@atlaskit/form/label';
import { RequiredAsterisk } from '@atlaskit/form/required-asterisk';
import { Box } from '@atlaskit/primitives/compiled';
import Textfield from '@atlaskit/textfield';

export type FormTextFieldProps = {
  id: string;
  name: string;
  label: string;
  helper: string;
  value: string;
  error?: string;
  type?: 'text' | 'password' | 'url';
  isRequired?: boolean;
  isDisabled?: boolean;
  placeholder?: string;
  autoComplete?: string;
  /** For secrets that are not the user's password (an access token): 1Password and LastPass skip the input. */
  ignorePasswordManagers?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  onChange: (value: string) => void;
};

export function FormTextField(props: FormTextFieldProps) {
  const { id, name, label, helper, value, error, type = 'text', isRequired = false, isDisabled = false } = props;
  const helperId = `${id}-helper`;
  const errorId = `${id}-error`;
  const passwordManagerHints = props.ignorePasswordManagers ? { 'data-1p-ignore': 'true', 'data-lpignore': 'true' } : {};
  return (
    <Box>
      <Label htmlFor={id}>
        {label}
        {isRequired && <RequiredAsterisk />}
      </Label>
      <Textfield
        id={id}
        name={name}
        ref={props.inputRef}
        type={type}
        value={value}
        placeholder={props.placeholder}
        autoComplete={props.autoComplete}
        {...passwordManagerHints}
        spellCheck={false}
        isRequired={isRequired}
        isDisabled={isDisabled}
        isInvalid={error !== undefined}
        aria-invalid={error !== undefined}
        aria-describedby={error !== undefined ? `${errorId} ${helperId}` : helperId}
        testId={`${name}-field`}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      />
      <div id={helperId}>
        <HelperMessage>{helper}</HelperMessage>
      </div>
      {error !== undefined && (
        <div id={errorId}>
          <ErrorMessage testId={`${name}-error`}>{error}</ErrorMessage>
        </div>
      )}
    </Box>
  );
}
