/**
 * "Replace token": a new token for the server of a stored one. The backend authenticates it before it takes the
 * old one's place, so a token TeamCity rejects leaves everything as it was. The value lives only in this
 * component's state and is cleared before the dialog reports success.
 */
import { type FormEvent, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Stack, Text } from '@atlaskit/primitives/compiled';
import SectionMessage from '@atlaskit/section-message';
import type { AppError } from '../../../src/shared/result';
import type { ReplaceTokenResponse, TokenView } from '../../../src/shared/schemas';
import { callResolver } from '../../shared/call-resolver';
import { RESOLVER_FUNCTIONS } from '../../shared/resolver-functions';
import { REQUIRED_MESSAGES } from './add-token-validation';
import { FormTextField } from '../../shared/form-text-field';

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
    const result = await callResolver<ReplaceTokenResponse>(RESOLVER_FUNCTIONS.replaceToken, { id: token.id, token: value.trim() });
    if (result.ok) {
      setValue('');
      onReplaced(result.data.token);
      return;
    }
    setPending(false);
    if (result.error.field === 'token') {
      setFieldError(result.error.message);
      setTimeout(() => inputRef.current?.focus(), 0);
    } else {
      setFormError(result.error);
    }
  };

  return (
    <Modal
      onClose={pending ? undefined : onClose}
      autoFocus={inputRef}
      shouldCloseOnEscapePress={!pending}
      shouldCloseOnOverlayClick={!pending}
      width="medium"
      label="Replace access token"
      testId="replace-token-dialog"
    >
      <form onSubmit={submit} noValidate>
        <ModalHeader>
          <ModalTitle>Replace access token</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <Stack space="space.200">
            {formError && (
              <SectionMessage appearance="error" testId="replace-token-form-error">
                {formError.message}
              </SectionMessage>
            )}
            <Text as="p">
              Paste a new token for <strong>{token.serverUrl}</strong>. It is checked with TeamCity first; your current token
              stays in place until the new one works.
            </Text>
            <FormTextField
              id="replace-token-token"
              name="token"
              label="New access token"
              helper="Create it in TeamCity at My Profile > Access tokens. Afterwards you can delete the old token there."
              type="password"
              // "off" is ignored for password inputs; "new-password" stops browsers offering to save the token
              // as the password of the URL above it.
              autoComplete="new-password"
              ignorePasswordManagers
              isRequired
              isDisabled={pending}
              value={value}
              error={fieldError}
              inputRef={inputRef}
              onChange={(next) => {
                setValue(next);
                setFieldError(undefined);
              }}
            />
          </Stack>
        </ModalBody>
        <ModalFooter>
          <Button appearance="subtle" onClick={onClose} isDisabled={pending} testId="replace-token-cancel">
            Cancel
          </Button>
          <Button appearance="primary" type="submit" isLoading={pending} testId="replace-token-submit">
            Replace
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
