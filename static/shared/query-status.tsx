/**
 * What a screen shows for a resolver query that is not ready yet (see use-resolver-query.ts): one spinner
 * while it loads, and the error with "Try again" when it failed, so every screen recovers the same way.
 */
import type { ReactElement, ReactNode } from 'react';
import { Box } from '@atlaskit/primitives/compiled';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';

/** Centred with room around it, so the screen does not jump much when the content replaces it. */
export function QueryLoading({ label, testId }: { label: string; testId: string }) {
  return (
    <Box padding="space.600" style={{ display: 'flex', justifyContent: 'center' }}>
      <Spinner size="large" label={label} testId={testId} />
    </Box>
  );
}

export type QueryErrorProps = {
  title?: string;
  appearance?: 'error' | 'warning';
  testId?: string;
  retryTestId?: string;
  onRetry: () => void;
  /** Takes the place of "Try again" when another try cannot help (a token TeamCity rejects). */
  action?: ReactElement;
  /** The title's level in the page's outline; most screens show these right under their h1. */
  headingLevel?: 'h2' | 'h3';
  children: ReactNode;
};

export function QueryError({
  title,
  appearance = 'error',
  testId,
  retryTestId,
  onRetry,
  action,
  headingLevel = 'h2',
  children,
}: QueryErrorProps) {
  const actions = action ?? (
    <SectionMessageAction onClick={onRetry} testId={retryTestId}>
      Try again
    </SectionMessageAction>
  );
  // SectionMessage takes a heading level only together with a title.
  return title === undefined ? (
    <SectionMessage appearance={appearance} testId={testId} actions={actions}>
      {children}
    </SectionMessage>
  ) : (
    <SectionMessage appearance={appearance} title={title} headingLevel={headingLevel} testId={testId} actions={actions}>
      {children}
    </SectionMessage>
  );
}
