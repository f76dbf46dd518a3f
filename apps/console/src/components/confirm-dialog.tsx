import { ReactNode } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { t } from '../i18n/i18n';
import { Button } from './fields';

/** A modal that keeps the focus inside, closes with Escape and gives it back to the button that opened it. */
export function ConfirmDialog({
  trigger,
  title,
  children,
  confirmLabel,
  onConfirm,
  confirmDisabled,
}: {
  trigger: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm(): Promise<unknown> | void;
  confirmDisabled?: boolean;
}) {
  return (
    <DialogTrigger>
      <Button variant="danger">{trigger}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title">{title}</Heading>
                {children}
                <div className="dialog-actions">
                  <Button variant="secondary" onPress={close}>
                    {t('common.cancel')}
                  </Button>
                  <Button
                    variant="danger"
                    isDisabled={confirmDisabled}
                    onPress={async () => {
                      try {
                        await onConfirm();
                        close();
                      } catch {
                        // The caller shows the API's message inside the dialog; it stays open to try again.
                      }
                    }}
                  >
                    {confirmLabel}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
