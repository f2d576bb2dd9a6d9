/**
 * "Add an access token". The server is checked when the user presses Create, which can take a while, so
 * the dialog shows progress and keeps what was typed when the check fails. The token value lives only in
 * this component's state and is cleared before the dialog reports success.
 */
import { type FormEvent, useRef, useState } from 'react';
import type { AppError } from '../../../src/shared/result';
import type { AddTokenRequest, AddTokenResponse, TokenPolicyResponse } from '../../../src/shared/schemas';
import { errorField } from '../../shared/error-field';
import { listServers } from '../../../src/shared/server-policy';
import {
  type AddTokenField,
  type AddTokenFieldErrors,
  type AddTokenValues,
  ADD_TOKEN_FIELDS,
  validateAddToken,
} from './add-token-validation';
import { FormTextField } from '../../shared/form-text-field';
import { AccessTokenField } from './access-token-field';
import { api } from './api';
import { TokenDialogFrame } from './token-dialog-frame';

export type AddTokenDialogProps = {
  /** The workspace's allowed servers and default server, when known. */
  policy?: TokenPolicyResponse;
  onAdded: (response: AddTokenResponse) => void;
  onClose: () => void;
};

const EMPTY: AddTokenValues = { serverUrl: '', token: '' };
const SERVER_HELP = 'The TeamCity server you want to configure your access token for.';
const SERVER_EXAMPLE = 'For example https://teamcity.example.com.';

export function AddTokenDialog({ policy, onAdded, onClose }: AddTokenDialogProps) {
  const [values, setValues] = useState<AddTokenValues>({ ...EMPTY, serverUrl: policy?.defaultServerUrl ?? '' });
  const [fieldErrors, setFieldErrors] = useState<AddTokenFieldErrors>({});
  const [formError, setFormError] = useState<AppError | null>(null);
  const [pending, setPending] = useState(false);
  const serverRef = useRef<HTMLInputElement>(null);
  const tokenRef = useRef<HTMLInputElement>(null);

  const focusField = (field: AddTokenField) => {
    // After the re-render that re-enables the inputs; a disabled input cannot take focus.
    setTimeout(() => (field === 'serverUrl' ? serverRef : tokenRef).current?.focus(), 0);
  };

  const change = (field: AddTokenField) => (value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    setFieldErrors((previous) => ({ ...previous, [field]: undefined }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const errors = validateAddToken(values);
    setFormError(null);
    setFieldErrors(errors);
    const firstInvalid = errors.serverUrl ? 'serverUrl' : errors.token ? 'token' : null;
    if (firstInvalid) {
      focusField(firstInvalid);
      return;
    }
    setPending(true);
    const result = await api.addToken({
      serverUrl: values.serverUrl.trim(),
      token: values.token.trim(),
    });
    if (result.ok) {
      setValues(EMPTY);
      onAdded(result.data);
      return;
    }
    setPending(false);
    const field = errorField<AddTokenRequest>(result.error, ADD_TOKEN_FIELDS);
    if (field) {
      setFieldErrors({ [field]: result.error.message });
      focusField(field);
    } else {
      setFormError(result.error);
    }
  };

  return (
    <TokenDialogFrame
      title="Add an access token"
      width="medium"
      pending={pending}
      error={formError}
      submitLabel="Create"
      testIds={{ dialog: 'add-token-dialog', error: 'add-token-form-error', cancel: 'add-token-cancel', submit: 'add-token-create' }}
      autoFocus={policy?.defaultServerUrl ? tokenRef : serverRef}
      onSubmit={submit}
      onClose={onClose}
    >
      <FormTextField
        id="add-token-server-url"
        name="serverUrl"
        label="TeamCity Server"
        helper={
          policy?.allowedServers.length
            ? `${SERVER_HELP} Your workspace allows ${listServers(policy.allowedServers)}.`
            : `${SERVER_HELP} ${SERVER_EXAMPLE}`
        }
        type="url"
        autoComplete="url"
        isRequired
        isDisabled={pending}
        value={values.serverUrl}
        error={fieldErrors.serverUrl}
        inputRef={serverRef}
        onChange={change('serverUrl')}
      />
      <AccessTokenField
        id="add-token-token"
        label="Access token"
        helper="Access token (only available for TeamCity ≥ 2019.1). You can create a new token in TeamCity at My Profile > Access tokens."
        isDisabled={pending}
        value={values.token}
        error={fieldErrors.token}
        inputRef={tokenRef}
        onChange={change('token')}
      />
    </TokenDialogFrame>
  );
}
