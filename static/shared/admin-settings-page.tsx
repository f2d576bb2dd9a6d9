/**
 * The frame of an admin settings page (workspace or repository "TeamCity"): the heading and intro, one resolver
 * query, and its loading, "not allowed" and failure states; the editor renders once the settings are loaded.
 */
import type { ReactNode } from 'react';
import type { ResolverInput, ResolverKey, ResolverOutput } from '../../src/shared/resolver-contract';
import type { ApiCall } from './create-api';
import Heading from '@atlaskit/heading';
import { Box, Stack, Text } from '@atlaskit/primitives/compiled';
import SectionMessage from '@atlaskit/section-message';
import { QueryError, QueryLoading } from './query-status';
import { useResolverQuery } from './use-resolver-query';

export type AdminSettingsPageProps<K extends ResolverKey> = {
  /** The app's `api` call that loads the settings, and its input. */
  load: ApiCall<K>;
  input: ResolverInput<K>;
  intro: ReactNode;
  forbiddenTitle: string;
  /** Prefix of the state test ids: `<prefix>-loading`, `<prefix>-forbidden`, `<prefix>-load-error`. */
  testIdPrefix: string;
  children: (data: ResolverOutput<K>, setData: (data: ResolverOutput<K>) => void) => ReactNode;
};

export function AdminSettingsPage<K extends ResolverKey>({
  load,
  input,
  intro,
  forbiddenTitle,
  testIdPrefix,
  children,
}: AdminSettingsPageProps<K>) {
  const { state, reload, setData } = useResolverQuery(load, input);
  return (
    <Box as="main" paddingBlockStart="space.050" paddingBlockEnd="space.300" paddingInline="space.400" style={{ minHeight: 560 }}>
      <Stack space="space.300">
        <Stack space="space.100">
          <Heading size="large" as="h1">
            TeamCity
          </Heading>
          <Text as="p">{intro}</Text>
        </Stack>
        {state.status === 'loading' && <QueryLoading label="Loading TeamCity settings" testId={`${testIdPrefix}-loading`} />}
        {state.status === 'error' &&
          (state.error.code === 'forbidden' ? (
            <SectionMessage appearance="warning" title={forbiddenTitle} headingLevel="h2" testId={`${testIdPrefix}-forbidden`}>
              {state.error.message}
            </SectionMessage>
          ) : (
            <QueryError title="We couldn't load the TeamCity settings" testId={`${testIdPrefix}-load-error`} onRetry={reload}>
              {state.error.message}
            </QueryError>
          ))}
        {state.status === 'ready' && children(state.data, (data) => setData(() => data))}
      </Stack>
    </Box>
  );
}
