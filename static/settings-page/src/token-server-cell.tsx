/** Which TeamCity server a token is for, its status, whose TeamCity account it acts as, and when it expires. */
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { TokenView } from '../../../src/shared/schemas';
import { TeamCityLink } from '../../shared/teamcity-link';
import { expiryText, shortVersion, type TokenStatusView } from './token-status';
import { TokenStatusLozenge } from './token-status-lozenge';

export type TokenServerCellProps = {
  token: TokenView;
  status: TokenStatusView;
  now: Date;
};

export function TokenServerCell({ token, status, now }: TokenServerCellProps) {
  const showUsername = token.teamcityUserDisplayName !== '' && token.teamcityUserDisplayName !== token.teamcityUsername;
  const expiry = expiryText(token.expiresAt, now);
  return (
    <Stack space="space.050">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <TeamCityLink url={token.serverUrl} serverUrl={token.serverUrl} testId="token-server">
          {token.serverUrl}
        </TeamCityLink>
        <TokenStatusLozenge status={status} />
      </Inline>
      <Text as="span">
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
          <Text as="span" color="color.text.subtle" testId="token-server-version">
            {' '}
            on TeamCity {shortVersion(token.serverVersion)}
          </Text>
        )}
      </Text>
      {expiry && (
        <Text
          as="span"
          size="small"
          weight={expiry.warning ? 'bold' : 'regular'}
          color={expiry.warning ? 'color.text.warning' : 'color.text.subtlest'}
          testId="token-expiry"
        >
          {expiry.warning ? `⚠ ${expiry.text}` : expiry.text}
        </Text>
      )}
    </Stack>
  );
}
