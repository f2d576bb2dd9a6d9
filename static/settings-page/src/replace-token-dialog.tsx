/**
 * "Replace token": a new token for the server of a stored one. The backend authenticates it before it takes the
 * old one's place, so a token TeamCity rejects leaves everything as it was. The value lives only in this
 * component's state and is cleared before the dialog reports success.
 */
import { type FormEvent, useRef, useState } from 'react';
import { Text } from '@atlaskit/primitives/compiled';
import type { AppError } from '../../../src/shared/result';
import type { ReplaceTokenRequest, TokenView } from '../../../src/shared/schemas';
import { errorField } from '../../shared/error-field';
import { REQUIRED_MESSAGES } from './add-token-validation';
import { AccessTokenField } from './access-token-field';
import { api } from './api';
import { TokenDialogFrame } from './token-dialog-frame';

export type ReplaceTokenDialogProps = {
  token: TokenView;
  onReplaced: (token: TokenView) => void;
  onClose: () => void;
};

export function ReplaceTokenDialog({ token, onReplaced, onClose }: ReplaceTokenDialogProps) {
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<AppError | null>(null);
  const [pending, setPending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setFormError(null);
    if (value.trim() === '') {
      setFieldError(REQUIRED_MESSAGES.token);
      inputRef.current?.focus();
      return;
    }
    setPending(true);
    const result = await api.replaceToken({ id: token.id, token: value.trim() });
    if (result.ok) {
      setValue('');
      onReplaced(result.data.token);
      return;
    }
    setPending(false);
    if (errorField<ReplaceTokenRequest>(result.error, ['token'])) {
      setFieldError(result.error.message);
      setTimeout(() => inputRef.current?.focus(), 0);
    } else {
      setFormError(result.error);
    }
  };

  return (
    <TokenDialogFrame
      title="Replace access token"
      width="medium"
      pending={pending}
      error={formError}
      submitLabel="Replace"
      testIds={{
        dialog: 'replace-token-dialog',
        error: 'replace-token-form-error',
        cancel: 'replace-token-cancel',
        submit: 'replace-token-submit',
      }}
      autoFocus={inputRef}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text as="p">
        Paste a new token for <Text as="strong">{token.serverUrl}</Text>. It is checked with TeamCity first; your current token stays in
        place until the new one works.
      </Text>
      <AccessTokenField
        id="replace-token-token"
        label="New access token"
        helper="Create it in TeamCity at My Profile > Access tokens. Afterwards you can delete the old token there."
        isDisabled={pending}
        value={value}
        error={fieldError}
        inputRef={inputRef}
        onChange={(next) => {
          setValue(next);
          setFieldError(undefined);
        }}
      />
    </TokenDialogFrame>
  );
}
