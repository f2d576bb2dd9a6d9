/** Who changed the repository's TeamCity settings and when (the last 20 changes, kept with the settings). */
import Heading from '@atlaskit/heading';
import { Box, Stack, Text } from '@atlaskit/primitives/compiled';
import type { SettingsChangeView } from '../../../src/shared/repository-settings-schemas';
import { RelativeTimeText } from '../../shared/relative-time-text';

export function HistorySection({ history }: { history: SettingsChangeView[] }) {
  if (history.length === 0) return null;
  return (
    <Stack space="space.100" testId="history-section">
      <Heading size="small" as="h2">
        Recent changes
      </Heading>
      <Stack as="ul" space="space.050">
        {history.map((change) => (
          <Box as="li" key={`${change.at}-${change.summary}`}>
            <Text>
              <RelativeTimeText value={change.at} /> · {change.by.name || 'A repository admin'}: {change.summary}
            </Text>
          </Box>
        ))}
      </Stack>
    </Stack>
  );
}
