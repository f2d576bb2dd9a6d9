/** Which TeamCity server to run on. With one token there is nothing to choose, so it is only named. */
import { Label } from '@atlaskit/form';
import { Stack, Text } from '@atlaskit/primitives/compiled';
import Select from '@atlaskit/select';
import type { TokenView } from '../../../src/shared/schemas';
import { serverLabel } from './server-label';

export type ServerPickerProps = {
  servers: TokenView[];
  selectedId: string;
  onChange: (tokenId: string) => void;
};

type ServerOption = { label: string; value: string };

export function ServerPicker({ servers, selectedId, onChange }: ServerPickerProps) {
  const options: ServerOption[] = servers.map((server) => ({ label: serverLabel(server), value: server.id }));
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
        onChange={(option) => option && onChange(option.value)}
        testId="server-select"
      />
    </Stack>
  );
}
