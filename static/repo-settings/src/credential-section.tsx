/**
 * The repository read credential, shown the way personal tokens are (server, TeamCity user, who added it and
 * when, last authenticated, status) with Check, Replace and Remove. The value goes from the field to the resolver
 * once and is never shown again.
 */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import SectionMessage from '@atlaskit/section-message';
import type { RepositorySettingsView } from '../../../src/shared/repository-settings-schemas';
import type { AppError } from '../../../src/shared/result';
import { designToken } from '../../shared/design-token';
import { RelativeTimeText } from '../../shared/relative-time-text';
import { AccessTokenField } from '../../settings-page/src/access-token-field';
import { TokenStatusLozenge } from '../../settings-page/src/token-status-lozenge';
import { tokenStatus } from '../../settings-page/src/token-status';
import { api } from './api';

type Props = { saved: RepositorySettingsView; canEdit: boolean; onChanged: (view: RepositorySettingsView) => void };

export function CredentialSection({ saved, canEdit, onChanged }: Props) {
  const [token, setToken] = useState('');
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState<'save' | 'check' | 'remove' | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const credential = saved.credential;

  const run = async (what: 'save' | 'check' | 'remove', request: () => ReturnType<typeof api.checkRepositoryCredential>) => {
    setBusy(what);
    setError(null);
    const result = await request();
    setBusy(null);
    if (!result.ok) return setError(result.error);
    setToken('');
    setEditing(false);
    onChanged(result.data);
  };

  const showForm = canEdit && saved.serverUrl !== null && (credential === null || editing);

  return (
    <Stack space="space.150" testId="credential-section">
      <Heading size="small" as="h2">
        Repository read credential
      </Heading>
      <Text as="p" color="color.text.subtle">
        A TeamCity access token the merge check uses to read this repository&apos;s builds. Create it for a TeamCity user with view-only
        permissions in the projects that build this repository. It is stored encrypted and never shown again.
      </Text>
      {error && (
        <SectionMessage appearance="error" testId="credential-error">
          {error.message}
        </SectionMessage>
      )}
      {credential ? (
        <Box
          padding="space.150"
          backgroundColor="color.background.neutral.subtle"
          style={{ border: `${designToken('border.width')} solid ${designToken('color.border')}`, borderRadius: 3 }}
        >
          <Inline space="space.200" alignBlock="center" shouldWrap testId="credential-row">
            <TokenStatusLozenge status={tokenStatus(credential, saved, busy === 'check', new Date())} />
            <Text weight="semibold">{credential.teamcityUserDisplayName}</Text>
            <Text color="color.text.subtle">({credential.teamcityUsername})</Text>
            <Text color="color.text.subtle" size="small">
              {credential.addedBy ? `Added by ${credential.addedBy.name || 'a repository admin'} ` : 'Added '}
              <RelativeTimeText value={credential.createdAt} />
              {' · Last authenticated '}
              {credential.lastAuthenticatedAt ? <RelativeTimeText value={credential.lastAuthenticatedAt} /> : 'never'}
            </Text>
            {canEdit && (
              <Inline space="space.100">
                <Button
                  onClick={() => run('check', () => api.checkRepositoryCredential({}))}
                  isLoading={busy === 'check'}
                  testId="check-credential"
                >
                  Check
                </Button>
                <Button onClick={() => setEditing(true)} isDisabled={busy !== null} testId="replace-credential">
                  Replace
                </Button>
                <Button
                  appearance="danger"
                  onClick={() => run('remove', () => api.removeRepositoryCredential({}))}
                  isLoading={busy === 'remove'}
                  testId="remove-credential"
                >
                  Remove
                </Button>
              </Inline>
            )}
          </Inline>
        </Box>
      ) : (
        <Text as="p" testId="no-credential">
          {saved.buildSource === 'bitbucket'
            ? 'No read credential: not needed while the merge check reads Bitbucket build statuses.'
            : saved.serverUrl === null
              ? 'Choose and save the TeamCity server first.'
              : 'No read credential: the merge check fails until a repository admin adds one.'}
        </Text>
      )}
      {showForm && (
        <Stack space="space.100">
          <Box style={{ maxWidth: 560 }}>
            <AccessTokenField
              id="repository-token"
              label={credential ? 'New access token' : 'Access token'}
              helper="In TeamCity: My Profile > Access tokens > Create access token (signed in as the view-only user)."
              value={token}
              error={error?.field === 'token' ? error.message : undefined}
              isDisabled={busy !== null}
              inputRef={null}
              onChange={setToken}
            />
          </Box>
          <Inline space="space.100">
            <Button
              appearance="primary"
              onClick={() => run('save', () => api.setRepositoryCredential({ token }))}
              isLoading={busy === 'save'}
              isDisabled={token.trim() === ''}
              testId="save-credential"
            >
              {credential ? 'Replace credential' : 'Add credential'}
            </Button>
            {credential && (
              <Button appearance="subtle" onClick={() => setEditing(false)} isDisabled={busy !== null}>
                Cancel
              </Button>
            )}
          </Inline>
        </Stack>
      )}
    </Stack>
  );
}
