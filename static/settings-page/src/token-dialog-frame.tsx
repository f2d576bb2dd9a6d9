/**
 * The frame of the token dialogs: while the request is pending the dialog cannot be closed and its
 * buttons are busy, and a failure that belongs to no field shows above the content. With `onSubmit` the
 * dialog is a form (Enter submits); without, the main button calls `onConfirm`.
 */
import type { FormEvent, ReactNode, RefObject } from 'react';
import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Stack } from '@atlaskit/primitives/compiled';
import SectionMessage from '@atlaskit/section-message';
import type { AppError } from '../../../src/shared/result';

export type TokenDialogFrameProps = {
  title: string;
  width: 'small' | 'medium';
  /** Red title and main button, for a destructive action. */
  isDanger?: boolean;
  pending: boolean;
  error: AppError | null;
  submitLabel: string;
  testIds: { dialog: string; error: string; cancel: string; submit: string };
  autoFocus?: RefObject<HTMLElement | null>;
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  onConfirm?: () => void;
  onClose: () => void;
  children: ReactNode;
};

export function TokenDialogFrame(props: TokenDialogFrameProps) {
  const { title, pending, error, testIds, onSubmit, onClose } = props;
  const content = (
    <>
      {/* The close button shows only while the dialog may be closed (Modal's onClose is unset while pending). */}
      <ModalHeader hasCloseButton>
        <ModalTitle appearance={props.isDanger ? 'danger' : undefined}>{title}</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <Stack space="space.200">
          {error && (
            <SectionMessage appearance="error" testId={testIds.error}>
              {error.message}
            </SectionMessage>
          )}
          {props.children}
        </Stack>
      </ModalBody>
      <ModalFooter>
        <Button appearance="subtle" onClick={onClose} isDisabled={pending} testId={testIds.cancel}>
          Cancel
        </Button>
        <Button
          appearance={props.isDanger ? 'danger' : 'primary'}
          type={onSubmit ? 'submit' : 'button'}
          onClick={onSubmit ? undefined : props.onConfirm}
          isLoading={pending}
          testId={testIds.submit}
        >
          {props.submitLabel}
        </Button>
      </ModalFooter>
    </>
  );
  return (
    // eslint-disable-next-line @atlaskit/design-system/use-modal-dialog-close-button -- the header (with hasCloseButton) is built in `content` above, where this rule does not look
    <Modal
      onClose={pending ? undefined : onClose}
      autoFocus={props.autoFocus}
      shouldCloseOnEscapePress={!pending}
      shouldCloseOnOverlayClick={!pending}
      width={props.width}
      testId={testIds.dialog}
    >
      {onSubmit ? (
        <form onSubmit={onSubmit} noValidate>
          {content}
        </form>
      ) : (
        content
      )}
    </Modal>
  );
}
