/**
 * The allowlist: each allowed server with how many users have a token for it, "Use as default" and "Remove",
 * then a field to add another. An empty list means any HTTPS server.
 */
import { type FormEvent, useState } from 'react';
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { FormTextField } from '../../shared/form-text-field';
import { usersText } from './users-text';

export type AllowedServersProps = {
  servers: string[];
  defaultServerUrl: string;
  usersOf: (serverUrl: string) => number;
  isDisabled: boolean;
  onAdd: (input: string) => string | null;
  onRemove: (serverUrl: string) => void;
  onMakeDefault: (serverUrl: string) => void;
};

const head = {
  cells: [
    { key: 'server', content: 'Server', width: 50 },
    { key: 'users', content: 'Users connected', width: 20 },
    { key: 'actions', content: 'Actions', width: 30 },
  ],
};

export function AllowedServers({ servers, defaultServerUrl, usersOf, isDisabled, onAdd, onRemove, onMakeDefault }: AllowedServersProps) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | undefined>();

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = onAdd(input);
    setError(problem ?? undefined);
    if (problem === null) setInput('');
  };

  const rows = servers.map((serverUrl) => ({
    key: serverUrl,
    testId: 'allowed-server-row',
    cells: [
      {
        key: 'server',
        content: (
          <Inline space="space.100" alignBlock="center">
            <Text testId="allowed-server">{serverUrl}</Text>
            {serverUrl === defaultServerUrl && <Lozenge appearance="new">Default</Lozenge>}
          </Inline>
        ),
      },
      { key: 'users', content: <Text testId="allowed-server-users">{usersText(usersOf(serverUrl))}</Text> },
      {
        key: 'actions',
        content: (
          <Inline space="space.050">
            <Button
              appearance="subtle"
              spacing="compact"
              isDisabled={isDisabled}
              onClick={() => onRemove(serverUrl)}
              aria-label={`Remove ${serverUrl}`}
              testId="remove-server"
            >
              Remove
            </Button>
            {serverUrl !== defaultServerUrl && (
              <Button
                appearance="subtle"
                spacing="compact"
                isDisabled={isDisabled}
                onClick={() => onMakeDefault(serverUrl)}
                aria-label={`Use ${serverUrl} as the default server`}
              >
                Use as default
              </Button>
            )}
          </Inline>
        ),
      },
    ],
  }));

  return (
    <Stack space="space.200">
      {servers.length === 0 ? (
        <Box padding="space.200" backgroundColor="color.background.neutral" testId="allowed-servers-empty">
          <Text>No servers listed: users can add tokens for any HTTPS TeamCity server.</Text>
        </Box>
      ) : (
        <DynamicTable head={head} rows={rows} testId="allowed-servers" label="Allowed TeamCity servers" />
      )}
      <form onSubmit={add} noValidate>
        <FormTextField
          id="add-allowed-server"
          name="newServer"
          label="Add a server"
          helper="The address users open TeamCity at, for example https://teamcity.example.com."
          type="url"
          value={input}
          error={error}
          isDisabled={isDisabled}
          onChange={(value) => {
            setInput(value);
            setError(undefined);
          }}
          action={
            <Button type="submit" isDisabled={isDisabled} testId="add-server">
              Add
            </Button>
          }
        />
      </form>
    </Stack>
  );
}
