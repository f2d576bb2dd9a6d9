/**
 * The modal's chrome. Bitbucket gives a Forge action an empty modal to fill, so the app draws its own
 * title and a footer that stays in view (sticky) with the primary action, whether the host gives the frame
 * a fixed height or grows it to fit. Escape closes, as in any Atlassian modal, unless a control (an open
 * select menu) used the key first.
 */
import { useEffect, type ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { designToken } from '../../shared/design-token';
import { closeModal } from './close-modal';

export type ModalFrameProps = {
  subtitle?: ReactNode;
  children: ReactNode;
  footer: ReactNode;
};

const MODAL_TITLE = 'Run TeamCity build';

export function ModalFrame({ subtitle, children, footer }: ModalFrameProps) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) closeModal();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', minHeight: '100vh', background: designToken('elevation.surface') }}>
      <Box as="header" paddingBlockStart="space.300" paddingInline="space.300" paddingBlockEnd="space.150">
        <Stack space="space.050">
          <Heading size="medium" as="h1" id="build-modal-title">
            {MODAL_TITLE}
          </Heading>
          {subtitle && (
            <Text color="color.text.subtle" size="small">
              {subtitle}
            </Text>
          )}
        </Stack>
      </Box>
      <Box
        as="main"
        aria-labelledby="build-modal-title"
        testId="build-modal-body"
        paddingBlockStart="space.100"
        paddingInline="space.300"
        paddingBlockEnd="space.300"
        style={{ flex: '1 1 auto' }}
      >
        {children}
      </Box>
      <Box
        as="footer"
        paddingBlock="space.200"
        paddingInline="space.300"
        style={{
          position: 'sticky',
          bottom: 0,
          zIndex: 2,
          borderTop: `${designToken('border.width')} solid ${designToken('color.border')}`,
          background: designToken('elevation.surface'),
        }}
      >
        <Inline space="space.100" alignInline="end">
          {footer}
        </Inline>
      </Box>
    </div>
  );
}
