/**
 * The token's status beside its server, with the reason (and when it was last checked) in a tooltip. The
 * tooltip also describes the status for screen readers (aria-describedby), so there is no title attribute,
 * which would show a second, native tooltip.
 */
import Lozenge from '@atlaskit/lozenge';
import Tooltip from '@atlaskit/tooltip';
import VisuallyHidden from '@atlaskit/visually-hidden';
import type { TokenStatusView } from './token-status';

export function TokenStatusLozenge({ status }: { status: TokenStatusView }) {
  return (
    <Tooltip content={status.description} position="top">
      {(tooltipProps) => (
        <span {...tooltipProps} data-testid="token-status">
          {/* The column has no header of its own; this says what the lozenge is. */}
          <VisuallyHidden>Status: </VisuallyHidden>
          <Lozenge appearance={status.appearance}>{status.label}</Lozenge>
        </span>
      )}
    </Tooltip>
  );
}
