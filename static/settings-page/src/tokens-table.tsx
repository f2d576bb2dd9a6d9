/** The stored tokens: server, status and TeamCity user, when added, when last used, and what can be done with each. */
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import { Inline, Text } from '@atlaskit/primitives/compiled';
import type { TokenView } from '../../../src/shared/schemas';
import type { ServerPolicy } from '../../../src/shared/server-policy';
import { RelativeTimeText } from '../../shared/relative-time-text';
import { TokenServerCell } from './token-server-cell';
import { tokenStatus } from './token-status';

export type TokensTableProps = {
  tokens: TokenView[];
  policy: Pick<ServerPolicy, 'allowedServers'>;
  checking: ReadonlySet<string>;
  now: Date;
  onCheck: (token: TokenView) => void;
  onReplace: (token: TokenView) => void;
  onDelete: (token: TokenView) => void;
};

const head = {
  cells: [
    { key: 'server', content: 'TeamCity', width: 42 },
    { key: 'created', content: 'Date added', width: 13 },
    { key: 'lastAuthenticated', content: 'Last authenticated', width: 15 },
    { key: 'actions', content: 'Actions', width: 30 },
  ],
};

export function TokensTable({ tokens, policy, checking, now, onCheck, onReplace, onDelete }: TokensTableProps) {
  const rows = tokens.map((token) => ({
    key: token.id,
    testId: `token-row-${token.id}`,
    cells: [
      {
        key: 'server',
        content: <TokenServerCell token={token} status={tokenStatus(token, policy, checking.has(token.id), now)} now={now} />,
      },
      { key: 'created', content: <RelativeTimeText value={token.createdAt} testId="token-created" /> },
      {
        key: 'lastAuthenticated',
        content:
          token.lastAuthenticatedAt === null ? (
            <Text color="color.text.subtle" testId="token-last-authenticated">
              Never
            </Text>
          ) : (
            <RelativeTimeText value={token.lastAuthenticatedAt} testId="token-last-authenticated" />
          ),
      },
      {
        key: 'actions',
        content: (
          <Inline space="space.050" shouldWrap>
            <Button
              appearance="subtle"
              spacing="compact"
              onClick={() => onCheck(token)}
              isDisabled={checking.has(token.id)}
              aria-label={`Check token for ${token.serverUrl}`}
              testId="check-token"
            >
              Check
            </Button>
            <Button
              appearance="subtle"
              spacing="compact"
              onClick={() => onReplace(token)}
              aria-label={`Replace token for ${token.serverUrl}`}
              testId="replace-token"
            >
              Replace token
            </Button>
            <Button
              appearance="subtle"
              spacing="compact"
              onClick={() => onDelete(token)}
              aria-label={`Delete token for ${token.serverUrl}`}
              testId="delete-token"
            >
              Delete
            </Button>
          </Inline>
        ),
      },
    ],
  }));
  return <DynamicTable head={head} rows={rows} testId="tokens-table" label="TeamCity access tokens" />;
}
