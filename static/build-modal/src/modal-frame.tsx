/**
 * The modal's chrome. Bitbucket gives a Forge action an empty modal to fill, so the app draws its own
 * title, a body that scrolls on its own, and a footer that stays in view with the primary action.
 */
import type { ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';

export type ModalFrameProps = {
  subtitle?: ReactNode;
  children: ReactNode;
  footer: ReactNode;
};

export const MODAL_TITLE = 'Run TeamCity build';

export function ModalFrame({ subtitle, children, footer }: ModalFrameProps) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100vh', background: token('elevation.surface') }}>
      <Box as="header" style={{ padding: `${token('space.300')} ${token('space.300')} ${token('space.150')}` }}>
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
      <main
        aria-labelledby="build-modal-title"
        data-testid="build-modal-body"
        style={{ flex: '1 1 auto', overflowY: 'auto', padding: `${token('space.100')} ${token('space.300')} ${token('space.300')}` }}
      >
        {children}
      </main>
      <Box
        as="footer"
        style={{ padding: `${token('space.200')} ${token('space.300')}`, borderTop: `${token('border.width')} solid ${token('color.border')}` }}
      >
        <Inline space="space.100" alignInline="end">
          {footer}
        </Inline>
      </Box>
    </div>
  );
}
