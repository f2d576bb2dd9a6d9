/** A labelled text input with its helper text and error, wired for screen readers (describedby). */
import type { ReactNode, Ref } from 'react';
import { ErrorMessage } from '@atlaskit/form/error-message';
import { HelperMessage } from '@atlaskit/form/helper-message';
import { Label } from '@atlaskit/form/label';
import { RequiredAsterisk } from '@atlaskit/form/required-asterisk';
import { Box, Inline } from '@atlaskit/primitives/compiled';
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
  autoComplete?: string;
  /** For secrets that are not the user's password (an access token): 1Password and LastPass skip the input. */
  ignorePasswordManagers?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** A button beside the input (a form's "Add"), level with it, above the helper text. */
  action?: ReactNode;
  onChange: (value: string) => void;
};

export function FormTextField(props: FormTextFieldProps) {
  const { id, name, label, helper, value, error, type = 'text', isRequired = false, isDisabled = false } = props;
  const { autoComplete, ignorePasswordManagers, inputRef, action, onChange } = props;
  const helperId = `${id}-helper`;
  const errorId = `${id}-error`;
  const passwordManagerHints = ignorePasswordManagers ? { 'data-1p-ignore': 'true', 'data-lpignore': 'true' } : {};
  const input = (
    // eslint-disable-next-line @atlaskit/design-system/no-readonly-or-disabled-inputs -- disabled only while the value is being checked with the server, so the checked value cannot change under the check
    <Textfield
      id={id}
      name={name}
      ref={inputRef}
      type={type}
      value={value}
      autoComplete={autoComplete}
      {...passwordManagerHints}
      spellCheck={false}
      isRequired={isRequired}
      isDisabled={isDisabled}
      isInvalid={error !== undefined}
      aria-invalid={error !== undefined}
      aria-describedby={error !== undefined ? `${errorId} ${helperId}` : helperId}
      testId={`${name}-field`}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
  return (
    <Box>
      <Label htmlFor={id}>
        {label}
        {isRequired && <RequiredAsterisk />}
      </Label>
      {action === undefined ? (
        input
      ) : (
        <Inline space="space.100" alignBlock="center">
          <Box style={{ flex: 1 }}>{input}</Box>
          {action}
        </Inline>
      )}
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
