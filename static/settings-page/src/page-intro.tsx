/** Title, "Add a token" action and the explanation every visitor sees above the list. */
import Button from '@atlaskit/button/new';
import PageHeader from '@atlaskit/page-header';
import { Box, Text } from '@atlaskit/primitives/compiled';
import { ExternalLink } from '../../shared/external-link';
import { ACCESS_TOKENS_DOCS_URL } from './links';

export type PageIntroProps = {
  onAddToken?: () => void;
};

export function PageIntro({ onAddToken }: PageIntroProps) {
  const actions = onAddToken ? (
    <Button appearance="primary" onClick={onAddToken} testId="add-token-header">
      Add a token
    </Button>
  ) : undefined;
  return (
    <Box>
      <PageHeader actions={actions}>TeamCity access tokens</PageHeader>
      <Text as="p">
        User access tokens are used in place of passwords for authentication and triggering new builds in TeamCity. To
        create a new access token, log in to your TeamCity server and go to <strong>My Profile &gt; Access tokens</strong>.
        After generating a token, copy it from TeamCity and paste it here.{' '}
        <ExternalLink href={ACCESS_TOKENS_DOCS_URL} testId="learn-more">
          Learn more
        </ExternalLink>
      </Text>
    </Box>
  );
}
