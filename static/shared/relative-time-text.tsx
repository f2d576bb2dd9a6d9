/** A relative date ("5 minutes ago") with the exact time on hover, for mouse (Tooltip) and others (title). */
import Tooltip from '@atlaskit/tooltip';
import { formatExactTime, formatRelativeTime } from './relative-time';

export type RelativeTimeTextProps = {
  value: string;
  now?: Date;
  testId?: string;
};

export function RelativeTimeText({ value, now, testId }: RelativeTimeTextProps) {
  const exact = formatExactTime(value);
  return (
    <Tooltip content={exact} position="top">
      {(tooltipProps) => (
        <time {...tooltipProps} dateTime={value} title={exact} data-testid={testId}>
          {formatRelativeTime(value, now)}
        </time>
      )}
    </Tooltip>
  );
}
