/** Which TeamCity server a token is for, and whose TeamCity account it acts as. */
import { Stack, Text } from '@atlaskit/primitives/compiled';
import type { TokenView } from '../../../src/shared/schemas';
import { ExternalLink } from '../../shared/external-link';

export type TokenServerCellProps = {
  token: TokenView;
};

export function TokenServerCell({ token }: TokenServerCellProps) {
  const showUsername = token.teamcityUserDisplayName !== '' && token.teamcityUserDisplayName !== token.teamcityUsername;
  return (
    <Stack space="space.025">
      <ExternalLink href={token.serverUrl} testId="token-server">
        {token.serverUrl}
      </ExternalLink>
      <Text as="span" testId="token-user">
        {showUsername ? (
          <>
            {token.teamcityUserDisplayName} <Text color="color.text.subtle">({token.teamcityUsername})</Text>
          </>
        ) : (
          token.teamcityUsername
        )}
      </Text>
      {token.serverVersion !== '' && (
        <Text as="span" size="small" color="color.text.subtlest" testId="token-server-version">
          TeamCity {token.serverVersion}
        </Text>
      )}
    </Stack>
  );
}
