/** The stored tokens: server and TeamCity user, when added, when last used, and a delete action. */
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import { Text } from '@atlaskit/primitives/compiled';
import type { TokenView } from '../../../src/shared/schemas';
import { RelativeTimeText } from '../../shared/relative-time-text';
import { TokenServerCell } from './token-server-cell';

export type TokensTableProps = {
  tokens: TokenView[];
  onDelete: (token: TokenView) => void;
};

const head = {
  cells: [
    { key: 'server', content: 'TeamCity', width: 46 },
    { key: 'created', content: 'Date added', width: 18 },
    { key: 'lastAuthenticated', content: 'Last authenticated', width: 22 },
    { key: 'actions', content: 'Actions', width: 14 },
  ],
};

export function TokensTable({ tokens, onDelete }: TokensTableProps) {
  const rows = tokens.map((token) => ({
    key: token.id,
    testId: `token-row-${token.id}`,
    cells: [
      { key: 'server', content: <TokenServerCell token={token} /> },
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
          <Button
            appearance="subtle"
            onClick={() => onDelete(token)}
            aria-label={`Delete token for ${token.serverUrl}`}
            testId="delete-token"
          >
            Delete
          </Button>
        ),
      },
    ],
  }));
  return <DynamicTable head={head} rows={rows} testId="tokens-table" label="TeamCity access tokens" />;
}
