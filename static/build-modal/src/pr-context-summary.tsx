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
        style={{
          display: 'grid',
          gridTemplateColumns: 'max-content 1fr',
          columnGap: designToken('space.200'),
          rowGap: designToken('space.050'),
          margin: 0,
          padding: designToken('space.100'),
          background: designToken('color.background.neutral.subtle.hovered'),
          borderRadius: designToken('radius.medium'),
          font: designToken('font.code'),
        }}
      >
        {pullRequestParameters(pullRequest).map((parameter) => (
          <div key={parameter.name} style={{ display: 'contents' }}>
            <dt style={{ color: designToken('color.text.subtle') }}>{parameter.name}</dt>
            <dd style={{ margin: 0, overflowWrap: 'anywhere' }}>{parameter.value}</dd>
          </div>
        ))}
      </Box>
    </Stack>
  );
}
