/**
 * Every link to a TeamCity server in the Custom UI. The backend already drops URLs that are not on the token's
 * server; this applies the same rule (src/shared/teamcity-link.ts) again where the link is rendered, so a
 * `javascript:` or foreign URL that got through anyway is shown as text, or not at all.
 */
import type { ReactNode } from 'react';
import { Text } from '@atlaskit/primitives/compiled';
import { teamCityLink } from '../../src/shared/teamcity-link';
import { ExternalLink } from './external-link';

export type TeamCityLinkProps = {
  url: string | undefined;
  /** The server of the token the URL was read with. */
  serverUrl: string;
  children: ReactNode;
  testId?: string;
  /** What a URL that may not be a link turns into: its text (default), or nothing (a bare "Open in TeamCity"). */
  otherwise?: 'text' | 'nothing';
};

export function TeamCityLink({ url, serverUrl, children, testId, otherwise = 'text' }: TeamCityLinkProps) {
  const href = teamCityLink(url, serverUrl);
  if (href !== undefined) {
    return (
      <ExternalLink href={href} testId={testId}>
        {children}
      </ExternalLink>
    );
  }
  return otherwise === 'text' ? (
    <Text as="span" testId={testId && `${testId}-text`}>
      {children}
    </Text>
  ) : null;
}
