/** Confirms removing a token; explains that it still works in TeamCity until revoked there. */
import { useState } from 'react';
import { Text } from '@atlaskit/primitives/compiled';
import type { AppError } from '../../../src/shared/result';
import type { TokenView } from '../../../src/shared/schemas';
import { api } from './api';
import { TokenDialogFrame } from './token-dialog-frame';

export type DeleteTokenDialogProps = {
  token: TokenView;
  onDeleted: (id: string) => void;
  onClose: () => void;
};

export function DeleteTokenDialog({ token, onDeleted, onClose }: DeleteTokenDialogProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const confirm = async () => {
    setPending(true);
    setError(null);
    const result = await api.deleteToken({ id: token.id });
    // Already gone (deleted in another tab): the outcome the user asked for.
    if (result.ok || result.error.code === 'token_not_found') {
      onDeleted(token.id);
      return;
    }
    setPending(false);
    setError(result.error);
  };

  return (
    <TokenDialogFrame
      title="Delete access token?"
      width="small"
      isDanger
      pending={pending}
      error={error}
      submitLabel="Delete"
      testIds={{
        dialog: 'delete-token-dialog',
        error: 'delete-token-error',
        cancel: 'delete-token-cancel',
        submit: 'delete-token-confirm',
      }}
      onConfirm={confirm}
      onClose={onClose}
    >
      <Text as="p">
        The token for <Text as="strong">{token.serverUrl}</Text> will be removed from Bitbucket only. It remains valid in TeamCity: to
        revoke it, delete it in TeamCity under <Text as="strong">My Profile &gt; Access tokens</Text>.
      </Text>
    </TokenDialogFrame>
  );
}
