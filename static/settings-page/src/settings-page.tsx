/**
 * The personal settings page: loads the user's tokens and switches between loading, error, empty and
 * table views. Once the list shows, stale tokens are checked with TeamCity in the background. The dialogs are
 * loaded on demand so the first paint carries only the list; one that fails to download says so and can be closed.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { Box, Stack } from '@atlaskit/primitives/compiled';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import type { AddTokenResponse, CheckTokensResponse, TokenView } from '../../../src/shared/schemas';
import { OPEN_POLICY } from '../../../src/shared/server-policy';
import { ChunkErrorBoundary } from '../../shared/chunk-error-boundary';
import { QueryError, QueryLoading } from '../../shared/query-status';
import { useResolverQuery } from '../../shared/use-resolver-query';
import { api } from './api';
import { PageIntro } from './page-intro';
import { TokensEmptyState } from './tokens-empty-state';
import { TokensTable } from './tokens-table';
import { useTokenChecks } from './use-token-checks';

const loadAddTokenDialog = () => import('./add-token-dialog');
const loadDeleteTokenDialog = () => import('./delete-token-dialog');
const loadReplaceTokenDialog = () => import('./replace-token-dialog');
const AddTokenDialog = lazy(() => loadAddTokenDialog().then((module) => ({ default: module.AddTokenDialog })));
const DeleteTokenDialog = lazy(() => loadDeleteTokenDialog().then((module) => ({ default: module.DeleteTokenDialog })));
const ReplaceTokenDialog = lazy(() => loadReplaceTokenDialog().then((module) => ({ default: module.ReplaceTokenDialog })));

/** Newest first, and a replaced token takes the place of the one it replaces. */
const upsert = (tokens: TokenView[], added: TokenView): TokenView[] => [
  added,
  ...tokens.filter((existing) => existing.id !== added.id && existing.serverUrl !== added.serverUrl),
];

/** Check results replace their rows in place; tokens deleted meanwhile (in another tab) leave the list. */
const mergeChecked = (tokens: TokenView[], { tokens: checked, missing }: CheckTokensResponse): TokenView[] =>
  tokens.filter((t) => !missing.includes(t.id)).map((t) => checked.find((c) => c.id === t.id) ?? t);

export function SettingsPage() {
  const { state, reload, setData } = useResolverQuery(api.listTokens, {});
  // The policy comes with the list (one resolver call for the page); until then nothing is marked "Not allowed".
  const policy = state.status === 'ready' ? state.data.policy : OPEN_POLICY;
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<TokenView | null>(null);
  const [replacing, setReplacing] = useState<TokenView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const checks = useTokenChecks(state.status === 'ready' ? state.data.tokens : null, (result) =>
    setData((current) => ({ ...current, tokens: mergeChecked(current.tokens, result) })),
  );

  useEffect(() => {
    // Fetch the dialog chunks while the user reads the page, so opening one is instant.
    const timer = setTimeout(() => {
      void loadAddTokenDialog().catch(() => undefined);
      void loadDeleteTokenDialog().catch(() => undefined);
      void loadReplaceTokenDialog().catch(() => undefined);
    }, 300);
    return () => clearTimeout(timer);
  }, []);

  const openAdd = () => {
    setNotice(null);
    setAdding(true);
  };

  const closeDialogs = () => {
    setAdding(false);
    setDeleting(null);
    setReplacing(null);
  };

  const onAdded = ({ token, replaced }: AddTokenResponse) => {
    setAdding(false);
    checks.invalidate(token.id);
    setData((current) => ({ ...current, tokens: upsert(current.tokens, token) }));
    setNotice(replaced ? `Your token for ${token.serverUrl} was replaced.` : null);
  };

  const onReplaced = (token: TokenView) => {
    setReplacing(null);
    checks.invalidate(token.id);
    setData((current) => ({ ...current, tokens: current.tokens.map((existing) => (existing.id === token.id ? token : existing)) }));
    setNotice(`Your token for ${token.serverUrl} was replaced. You can now delete the old token in TeamCity.`);
  };

  const onDeleted = (id: string) => {
    setDeleting(null);
    setNotice(null);
    setData((current) => ({ ...current, tokens: current.tokens.filter((existing) => existing.id !== id) }));
  };

  const hasTokens = state.status === 'ready' && state.data.tokens.length > 0;
  // Opening another dialog after a failed download tries the download again.
  const openDialog = adding ? 'add' : deleting ? `delete:${deleting.id}` : replacing ? `replace:${replacing.id}` : null;
  const chunkError = (
    <div role="alert">
      <SectionMessage
        appearance="error"
        title="This dialog didn't load"
        headingLevel="h2"
        testId="chunk-error"
        actions={
          <SectionMessageAction onClick={closeDialogs} testId="chunk-error-close">
            Close
          </SectionMessageAction>
        }
      >
        Check your connection, then reload the page and try again.
      </SectionMessage>
    </div>
  );

  return (
    // The host sizes the iframe to its content; the minimum height leaves room for a dialog over a short
    // page. The small top padding keeps the title level with the settings menu and focus rings uncut.
    <Box as="main" paddingBlockStart="space.050" paddingBlockEnd="space.300" paddingInline="space.400" style={{ minHeight: 620 }}>
      <Stack space="space.300">
        {/* The product puts "Add a token" top right whenever the list has loaded, the empty state included. */}
        <PageIntro onAddToken={state.status === 'ready' ? openAdd : undefined} />
        {notice && (
          <SectionMessage appearance="success" testId="token-notice">
            {notice}
          </SectionMessage>
        )}
        {checks.error && (
          <SectionMessage appearance="warning" testId="token-check-error">
            {`We couldn't check your tokens with TeamCity just now: ${checks.error.message}`}
          </SectionMessage>
        )}
        {state.status === 'loading' && <QueryLoading label="Loading access tokens" testId="tokens-loading" />}
        {state.status === 'error' && (
          <QueryError title="We couldn't load your access tokens" testId="tokens-load-error" retryTestId="tokens-retry" onRetry={reload}>
            {state.error.message}
          </QueryError>
        )}
        {state.status === 'ready' &&
          (hasTokens ? (
            <TokensTable
              tokens={state.data.tokens}
              policy={policy}
              checking={checks.checking}
              now={new Date()}
              onCheck={(token) => void checks.check([token.id])}
              onReplace={(token) => {
                setNotice(null);
                setReplacing(token);
              }}
              onDelete={setDeleting}
            />
          ) : (
            <TokensEmptyState onAddToken={openAdd} />
          ))}
      </Stack>
      <ChunkErrorBoundary fallback={chunkError} resetKey={openDialog}>
        <Suspense fallback={null}>
          {adding && <AddTokenDialog policy={policy} onAdded={onAdded} onClose={() => setAdding(false)} />}
          {deleting && <DeleteTokenDialog token={deleting} onDeleted={onDeleted} onClose={() => setDeleting(null)} />}
          {replacing && <ReplaceTokenDialog token={replacing} onReplaced={onReplaced} onClose={() => setReplacing(null)} />}
        </Suspense>
      </ChunkErrorBoundary>
    </Box>
  );
}
