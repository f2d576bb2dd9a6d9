import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';

export type TokensEmptyStateProps = {
  onAddToken: () => void;
};

export function TokensEmptyState({ onAddToken }: TokensEmptyStateProps) {
  return (
    <EmptyState
      testId="tokens-empty-state"
      header="You haven't added any access tokens"
      headingLevel={2}
      description="Personal access tokens are a secure way to authenticate and trigger new builds"
      primaryAction={
        <Button appearance="primary" onClick={onAddToken} testId="add-token-empty">
          Add a token
        </Button>
      }
    />
  );
}
