/** Servers users still have tokens for although the allowlist no longer names them: kept, but cannot run builds. */
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import Heading from '@atlaskit/heading';
import type { ServerUsage } from '../../../src/shared/schemas';
import { usersText } from './users-text';

export function OtherServers({ usage, allowAll }: { usage: ServerUsage[]; allowAll: boolean }) {
  if (usage.length === 0) return null;
  return (
    <Stack space="space.100" testId="other-servers">
      <Heading size="small" as="h2">
        {allowAll ? 'Servers in use' : 'Other servers in use'}
      </Heading>
      <Text as="p" color="color.text.subtle">
        {allowAll
          ? 'Servers your users have added tokens for.'
          : "Users' tokens for these servers are kept, but they can't run builds until you allow the server again."}
      </Text>
      <Stack space="space.050">
        {usage.map((u) => (
          <Inline key={u.serverUrl} space="space.100" alignBlock="center" testId="other-server">
            <Text>{u.serverUrl}</Text>
            <Text color="color.text.subtle">{usersText(u.users)}</Text>
            {!u.allowed && <Lozenge appearance="removed">Not allowed</Lozenge>}
          </Inline>
        ))}
      </Stack>
    </Stack>
  );
}
