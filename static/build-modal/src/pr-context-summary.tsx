/** The pull request parameters the app adds to every build started from a pull request (read-only). */
import { Box, Stack, Text } from '@atlaskit/primitives/compiled';
import { designToken } from '../../shared/design-token';
import type { PullRequestView } from '../../../src/shared/schemas';
import { pullRequestParameters } from '../../../src/shared/pull-request-parameters';

export function PrContextSummary({ pullRequest }: { pullRequest: PullRequestView }) {
  return (
    <Stack space="space.075" testId="pr-context">
      <Text weight="semibold" size="small">
        Pull request context
      </Text>
      <Text size="small" color="color.text.subtle">
        These parameters are passed to TeamCity with the build, so build steps can use them (for example %bitbucket.pr.id%).
      </Text>
      <Box
        as="dl"
        padding="space.100"
        style={{
          display: 'grid',
          gridTemplateColumns: 'max-content 1fr',
          margin: 0,
          background: designToken('color.background.neutral.subtle.hovered'),
          borderRadius: designToken('radius.medium'),
          font: designToken('font.code'),
        }}
      >
        {/* The grid's gaps as padding on the cells: Box takes spacing tokens, a grid gap only raw values. */}
        {pullRequestParameters(pullRequest).map((parameter, index) => {
          const rowGap = index > 0 ? 'space.050' : 'space.0';
          return (
            <div key={parameter.name} style={{ display: 'contents' }}>
              <Box as="dt" paddingBlockStart={rowGap} paddingInlineEnd="space.200" style={{ color: designToken('color.text.subtle') }}>
                {parameter.name}
              </Box>
              <Box as="dd" paddingBlockStart={rowGap} style={{ margin: 0, overflowWrap: 'anywhere' }}>
                {parameter.value}
              </Box>
            </div>
          );
        })}
      </Box>
    </Stack>
  );
}
