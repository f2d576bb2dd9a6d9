/** Which TeamCity server to run on. With one token there is nothing to choose, so it is only named. */
import { Label } from '@atlaskit/form';
import { Stack, Text } from '@atlaskit/primitives/compiled';
import Select from '@atlaskit/select';
import type { TokenView } from '../../../src/shared/schemas';
import { isServerAllowed } from '../../../src/shared/server-policy';
import { serverLabel } from './server-label';

export type ServerPickerProps = {
  servers: TokenView[];
  /** The workspace's allowlist: other servers are shown, but cannot be chosen. */
  allowedServers: string[];
  selectedId: string;
  onChange: (tokenId: string) => void;
};

type ServerOption = { label: string; value: string; allowed: boolean };

export function ServerPicker({ servers, allowedServers, selectedId, onChange }: ServerPickerProps) {
  const options: ServerOption[] = servers.map((server) => {
    const allowed = isServerAllowed({ allowedServers }, server.serverUrl);
    return { label: allowed ? serverLabel(server) : `${serverLabel(server)} — not allowed in this workspace`, value: server.id, allowed };
  });
  const selected = options.find((option) => option.value === selectedId) ?? null;
  if (servers.length === 1) {
    return (
      <Text size="small" color="color.text.subtle" testId="single-server">
        TeamCity server: {selected?.label}
      </Text>
    );
  }
  return (
    <Stack space="space.050">
      <Label htmlFor="server-select">TeamCity server</Label>
      <Select<ServerOption>
        inputId="server-select"
        options={options}
        value={selected}
        isSearchable={false}
        isOptionDisabled={(option) => !option.allowed}
        onChange={(option) => option && onChange(option.value)}
        testId="server-select"
      />
    </Stack>
  );
}
