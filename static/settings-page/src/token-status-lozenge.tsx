/** The token's status beside its server, with the reason (and when it was last checked) in a tooltip. */
import Lozenge from '@atlaskit/lozenge';
import Tooltip from '@atlaskit/tooltip';
import type { TokenStatusView } from './token-status';

export function TokenStatusLozenge({ status }: { status: TokenStatusView }) {
  return (
    <Tooltip content={status.description} position="top">
      {(tooltipProps) => (
        <span {...tooltipProps} title={status.description} aria-label={`Status: ${status.label}. ${status.description}`} data-testid="token-status">
          <Lozenge appearance={status.appearance}>{status.label}</Lozenge>
        </span>
      )}
    </Tooltip>
  );
}
