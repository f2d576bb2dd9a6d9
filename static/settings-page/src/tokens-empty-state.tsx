/**
 * Shown instead of the table when there is nothing in it. Same layout as Atlaskit's EmptyState (centred,
 * 464px wide, heading, description, action); that package ships a second copy of tokens and heading.
 */
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Stack, Text } from '@atlaskit/primitives/compiled';

export type TokensEmptyStateProps = {
  onAddToken: () => void;
};

export function TokensEmptyState({ onAddToken }: TokensEmptyStateProps) {
  return (
    <Box testId="tokens-empty-state" paddingBlock="space.600" style={{ maxWidth: 464, margin: '0 auto', textAlign: 'center' }}>
      <Stack space="space.300" alignInline="center">
        <Stack space="space.200" alignInline="center">
          <Heading size="medium" as="h2">
            You haven't added any access tokens
          </Heading>
          <Text as="p" color="color.text.subtle">
            Personal access tokens are a secure way to authenticate and trigger new builds
          </Text>
        </Stack>
        <Button appearance="primary" onClick={onAddToken} testId="add-token-empty">
          Add a token
        </Button>
      </Stack>
    </Box>
  );
}
