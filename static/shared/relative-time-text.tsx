/**
 * A relative date ("5 minutes ago") with the exact time in a tooltip. Atlaskit's Tooltip describes its
 * trigger (aria-describedby) for keyboard and screen reader users, so no title attribute is added: that would
 * show a second, native tooltip under the first.
 */
import Tooltip from '@atlaskit/tooltip';
import { formatExactTime, formatRelativeTime } from './relative-time';

export type RelativeTimeTextProps = {
  value: string;
  testId?: string;
};

export function RelativeTimeText({ value, testId }: RelativeTimeTextProps) {
  const exact = formatExactTime(value);
  return (
    <Tooltip content={exact} position="top">
      {(tooltipProps) => (
        <time {...tooltipProps} dateTime={value} data-testid={testId}>
          {formatRelativeTime(value)}
        </time>
      )}
    </Tooltip>
  );
}
