/** The input a TeamCity access token is pasted into, the same in "Add" and "Replace". */
import type { Ref } from 'react';
import { FormTextField } from '../../shared/form-text-field';

export type AccessTokenFieldProps = {
  id: string;
  label: string;
  helper: string;
  value: string;
  error: string | undefined;
  isDisabled: boolean;
  inputRef: Ref<HTMLInputElement>;
  onChange: (value: string) => void;
};

export function AccessTokenField(props: AccessTokenFieldProps) {
  return (
    <FormTextField
      {...props}
      name="token"
      type="password"
      // "off" is ignored for password inputs; "new-password" stops browsers offering to save the token
      // as the password of the URL above it.
      autoComplete="new-password"
      ignorePasswordManagers
      isRequired
    />
  );
}
