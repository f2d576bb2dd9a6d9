/**
 * The personal settings page: loads the user's tokens and switches between loading, error, empty and
 * table views. The dialogs are loaded on demand so the first paint carries only the list.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Box, Stack } from '@atlaskit/primitives/compiled';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import type { AddTokenResponse, ListTokensResponse, TokenView } from '../../../src/shared/schemas';
import { RESOLVER_FUNCTIONS } from '../../shared/resolver-functions';
import { useResolverQuery } from '../../shared/use-resolver-query';
import { PageIntro } from './page-intro';
import { TokensEmptyState } from './tokens-empty-state';
import { TokensTable } from './tokens-table';

const loadAddTokenDialog = () => import('./add-token-dialog');
const loadDeleteTokenDialog = () => import('./delete-token-dialog');
const AddTokenDialog = lazy(() => loadAddTokenDialog().then((module) => ({ default: module.AddTokenDialog })));
const DeleteTokenDialog = lazy(() => loadDeleteTokenDialog().then((module) => ({ default: module.DeleteTokenDialog })));

/** Newest first, and a replaced token takes the place of the one it replaces. */
const upsert = (tokens: TokenView[], added: TokenView): TokenView[] => [
  added,
  ...tokens.filter((existing) => existing.id !== added.id && existing.serverUrl !== added.serverUrl),
];

export function SettingsPage() {
  const { state, reload, setData } = useResolverQuery<ListTokensResponse>(RESOLVER_FUNCTIONS.listTokens, {});
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<TokenView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    // Fetch the dialog chunks while the user reads the page, so opening one is instant.
    const timer = setTimeout(() => {
      void loadAddTokenDialog().catch(() => undefined);
      void loadDeleteTokenDialog().catch(() => undefined);
    }, 300);
    return () => clearTimeout(timer);
  }, []);

  const openAdd = () => {
    setNotice(null);
    setAdding(true);
  };

  const onAdded = ({ token, replaced }: AddTokenResponse) => {
    setAdding(false);
    setData((current) => ({ tokens: upsert(current.tokens, token) }));
    setNotice(replaced ? `Your token for ${token.serverUrl} was replaced.` : null);
  };

  const onDeleted = (id: string) => {
    setDeleting(null);
    setNotice(null);
    setData((current) => ({ tokens: current.tokens.filter((existing) => existing.id !== id) }));
  };

  const hasTokens = state.status === 'ready' && state.data.tokens.length > 0;

  return (
    // The host sizes the iframe to its content; the minimum height leaves room for a dialog over a short
    // page. The small top padding keeps the title level with the settings menu and focus rings uncut.
    <Box as="main" paddingBlockStart="space.050" paddingBlockEnd="space.300" paddingInline="space.400" style={{ minHeight: 620 }}>
      <Stack space="space.300">
        <PageIntro onAddToken={hasTokens ? openAdd : undefined} />
        {notice && (
          <SectionMessage appearance="success" testId="token-notice">
            {notice}
          </SectionMessage>
        )}
        {state.status === 'loading' && (
          <Box padding="space.600" style={{ display: 'flex', justifyContent: 'center' }}>
            <Spinner size="large" label="Loading access tokens" testId="tokens-loading" />
          </Box>
        )}
        {state.status === 'error' && (
          <SectionMessage
            appearance="error"
            title="We couldn't load your access tokens"
            testId="tokens-load-error"
            actions={
              <SectionMessageAction onClick={reload} testId="tokens-retry">
                Try again
              </SectionMessageAction>
            }
          >
            {state.error.message}
          </SectionMessage>
        )}
        {state.status === 'ready' &&
          (hasTokens ? (
            <TokensTable tokens={state.data.tokens} onDelete={setDeleting} />
          ) : (
            <TokensEmptyState onAddToken={openAdd} />
          ))}
      </Stack>
      <Suspense fallback={null}>
        {adding && <AddTokenDialog onAdded={onAdded} onClose={() => setAdding(false)} />}
        {deleting && <DeleteTokenDialog token={deleting} onDeleted={onDeleted} onClose={() => setDeleting(null)} />}
      </Suspense>
    </Box>
  );
}
