/** Confirms removing a token; explains that it still works in TeamCity until revoked there. */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Stack, Text } from '@atlaskit/primitives/compiled';
import SectionMessage from '@atlaskit/section-message';
import type { AppError } from '../../../src/shared/result';
import type { DeleteTokenResponse, TokenView } from '../../../src/shared/schemas';
import { RESOLVER_FUNCTIONS } from '../../shared/resolver-functions';
import { callResolver } from '../../shared/call-resolver';

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
    const result = await callResolver<DeleteTokenResponse>(RESOLVER_FUNCTIONS.deleteToken, { id: token.id });
    // Already gone (deleted in another tab): the outcome the user asked for.
    if (result.ok || result.error.code === 'token_not_found') {
      onDeleted(token.id);
      return;
    }
    setPending(false);
    setError(result.error);
  };

  return (
    <Modal
      onClose={pending ? undefined : onClose}
      shouldCloseOnEscapePress={!pending}
      shouldCloseOnOverlayClick={!pending}
      width="small"
      label="Delete access token?"
      testId="delete-token-dialog"
    >
      <ModalHeader>
        <ModalTitle appearance="danger">Delete access token?</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <Stack space="space.200">
          {error && (
            <SectionMessage appearance="error" testId="delete-token-error">
              {error.message}
            </SectionMessage>
          )}
          <Text as="p">
            The token for <strong>{token.serverUrl}</strong> will be removed from Bitbucket only. It remains valid in
            TeamCity: to revoke it, delete it in TeamCity under <strong>My Profile &gt; Access tokens</strong>.
          </Text>
        </Stack>
      </ModalBody>
      <ModalFooter>
        <Button appearance="subtle" onClick={onClose} isDisabled={pending} testId="delete-token-cancel">
          Cancel
        </Button>
        <Button appearance="danger" onClick={confirm} isLoading={pending} testId="delete-token-confirm">
          Delete
        </Button>
      </ModalFooter>
    </Modal>
  );
}
