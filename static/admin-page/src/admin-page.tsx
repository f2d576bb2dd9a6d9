/**
 * The workspace settings page "TeamCity" (workspace admins): which TeamCity servers users may connect, the
 * server suggested to them, and how many users use each server. The resolvers check that the caller is a
 * workspace admin; a member who reaches the page sees why it is empty.
 */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import SectionMessage from '@atlaskit/section-message';
import type { AppError } from '../../../src/shared/result';
import type { SaveWorkspacePolicyRequest, WorkspacePolicyResponse } from '../../../src/shared/schemas';
import { errorField } from '../../shared/error-field';
import { FormTextField } from '../../shared/form-text-field';
import { RelativeTimeText } from '../../shared/relative-time-text';
import { AdminSettingsPage } from '../../shared/admin-settings-page';
import { AllowedServers } from './allowed-servers';
import { api } from './api';
import { OtherServers } from './other-servers';
import { addServer, defaultServerOf, draftOf, isDirty, removeServer, type PolicyDraft } from './policy-draft';

function PolicyEditor({ saved, onSaved }: { saved: WorkspacePolicyResponse; onSaved: (policy: WorkspacePolicyResponse) => void }) {
  const [draft, setDraft] = useState<PolicyDraft>(() => draftOf(saved));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const users = new Map(saved.usage.map((u) => [u.serverUrl, u.users]));
  const dirty = isDirty(draft, saved);
  const defaultServerError = error && errorField<SaveWorkspacePolicyRequest>(error, ['defaultServerUrl']) ? error.message : undefined;

  const edit = (next: PolicyDraft) => {
    setDraft(next);
    setNotice(null);
    setError(null);
  };

  const save = async () => {
    setSaving(true);
    setError(null);
    const result = await api.saveWorkspacePolicy({
      allowedServers: draft.allowedServers,
      defaultServerUrl: draft.defaultServerUrl.trim() === '' ? null : draft.defaultServerUrl.trim(),
    });
    setSaving(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setDraft(draftOf(result.data));
    onSaved(result.data);
    setNotice(
      result.data.allowedServers.length === 0
        ? 'Saved. Users can add tokens for any HTTPS TeamCity server.'
        : "Saved. Users' tokens for other servers are kept but can't run builds.",
    );
  };

  return (
    <Stack space="space.400">
      {notice && (
        <SectionMessage appearance="success" testId="policy-notice">
          {notice}
        </SectionMessage>
      )}
      {error && defaultServerError === undefined && (
        <SectionMessage appearance="error" title="The settings were not saved" headingLevel="h2" testId="policy-save-error">
          {error.message}
        </SectionMessage>
      )}
      <Stack space="space.150">
        <Heading size="small" as="h2">
          Allowed TeamCity servers
        </Heading>
        <Text as="p" color="color.text.subtle">
          Users can add access tokens only for these servers, and run builds only on them. Changing the list never deletes anybody's tokens.
        </Text>
        <AllowedServers
          servers={draft.allowedServers}
          defaultServerUrl={defaultServerOf(draft)}
          usersOf={(url) => users.get(url) ?? 0}
          isDisabled={saving}
          onAdd={(input) => {
            const added = addServer(draft, input);
            if ('error' in added) return added.error;
            edit(added.draft);
            return null;
          }}
          onRemove={(url) => edit(removeServer(draft, url))}
          onMakeDefault={(url) => edit({ ...draft, defaultServerUrl: url })}
        />
      </Stack>
      <Box style={{ maxWidth: 560 }}>
        <FormTextField
          id="default-server"
          name="defaultServerUrl"
          label="Default server"
          helper={
            draft.allowedServers.length > 0
              ? 'Pre-filled when users add an access token. It must be one of the allowed servers; leave it empty for none.'
              : 'Pre-filled when users add an access token. Optional.'
          }
          type="url"
          value={draft.defaultServerUrl}
          error={defaultServerError}
          isDisabled={saving}
          onChange={(value) => edit({ ...draft, defaultServerUrl: value })}
        />
      </Box>
      <OtherServers
        usage={saved.usage.filter((u) => !saved.allowedServers.includes(u.serverUrl))}
        allowAll={saved.allowedServers.length === 0}
      />
      <Inline space="space.100" alignBlock="center">
        <Button appearance="primary" onClick={save} isLoading={saving} isDisabled={!dirty} testId="save-policy">
          Save
        </Button>
        <Button appearance="subtle" onClick={() => edit(draftOf(saved))} isDisabled={!dirty || saving} testId="discard-policy">
          Discard changes
        </Button>
        {saved.updatedAt && (
          <Text color="color.text.subtle" size="small">
            Last saved <RelativeTimeText value={saved.updatedAt} testId="policy-updated" />
          </Text>
        )}
      </Inline>
    </Stack>
  );
}

export function AdminPage() {
  return (
    <AdminSettingsPage
      load={api.getWorkspacePolicy}
      input={{}}
      forbiddenTitle="Workspace admins only"
      testIdPrefix="policy"
      intro="Choose which TeamCity servers people in this workspace may connect to from Bitbucket. Each user adds their own access token in their personal settings; you never see tokens, only how many users use each server."
    >
      {(saved, setSaved) => <PolicyEditor saved={saved} onSaved={setSaved} />}
    </AdminSettingsPage>
  );
}
