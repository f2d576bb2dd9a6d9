/**
 * Title, "Add a token" action and the explanation every visitor sees above the list. Laid out like
 * Atlaskit's PageHeader; that package brings its own copy of tokens and primitives, which doubled the bundle.
 */
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { ExternalLink } from '../../shared/external-link';
import { ACCESS_TOKENS_DOCS_URL } from './links';

export type PageIntroProps = {
  onAddToken?: () => void;
};

export function PageIntro({ onAddToken }: PageIntroProps) {
  return (
    <Stack space="space.200">
      <Inline spread="space-between" alignBlock="center" space="space.200">
        <Heading size="large" as="h1">
          TeamCity access tokens
        </Heading>
        {onAddToken && (
          <Button appearance="primary" onClick={onAddToken} testId="add-token-header">
            Add a token
          </Button>
        )}
      </Inline>
      <Text as="p">
        User access tokens are used in place of passwords for authentication and triggering new builds in TeamCity. To create a new access
        token, log in to your TeamCity server and go to <Text as="strong">My Profile &gt; Access tokens</Text>. After generating a token,
        copy it from TeamCity and paste it here.{' '}
        <ExternalLink href={ACCESS_TOKENS_DOCS_URL} testId="learn-more">
          Learn more
        </ExternalLink>
      </Text>
    </Stack>
  );
}
