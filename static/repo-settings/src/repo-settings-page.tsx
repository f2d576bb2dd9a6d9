/**
 * Repository settings > "TeamCity": the TeamCity server of this repository, its read credential, and which build
 * configurations are shown and required for merge. Repository admins change them; other members see them
 * read-only; the resolvers decide both from Bitbucket's answer for the caller, whatever this page shows.
 */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { Checkbox } from '@atlaskit/checkbox';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import SectionMessage from '@atlaskit/section-message';
import type { RepositorySettingsView, SaveRepositorySettingsRequest } from '../../../src/shared/repository-settings-schemas';
import type { AppError } from '../../../src/shared/result';
import { errorField } from '../../shared/error-field';
import { FormTextField } from '../../shared/form-text-field';
import { RelativeTimeText } from '../../shared/relative-time-text';
import { AdminSettingsPage } from '../../shared/admin-settings-page';
import { api } from './api';
import { ConfigurationsSection } from './configurations-section';
import { CredentialSection } from './credential-section';
import { HistorySection } from './history-section';
import { draftOf, isDirty, patternProblem, toRequest, type SettingsDraft } from './settings-draft';

function SettingsEditor({ saved, onSaved }: { saved: RepositorySettingsView; onSaved: (view: RepositorySettingsView) => void }) {
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(saved));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canEdit = saved.access === 'admin';
  const dirty = isDirty(draft, saved);
  const invalid = draft.configurations.some((c) => patternProblem(c) !== null);

  const edit = (next: SettingsDraft) => {
    setDraft(next);
    setError(null);
    setNotice(null);
  };

  const applySaved = (view: RepositorySettingsView) => {
    // Keeps unsaved configuration edits when only the credential changed.
    onSaved(view);
    if (!dirty) setDraft(draftOf(view));
  };

  const save = async () => {
    setSaving(true);
    setError(null);
    const result = await api.saveRepositorySettings(toRequest(draft));
    setSaving(false);
    if (!result.ok) return setError(result.error);
    setDraft(draftOf(result.data));
    onSaved(result.data);
    setNotice('Saved. The merge check uses these settings from its next run.');
  };

  const servers = saved.allowedServers;
  return (
    <Stack space="space.400">
      {!canEdit && (
        <SectionMessage appearance="information" testId="read-only-notice">
          Only repository admins can change these settings.
        </SectionMessage>
      )}
      {notice && (
        <SectionMessage appearance="success" testId="settings-notice">
          {notice}
        </SectionMessage>
      )}
      {error && error.field !== 'serverUrl' && (
        <SectionMessage appearance="error" title="The settings were not saved" headingLevel="h2" testId="settings-error">
          {error.message}
        </SectionMessage>
      )}
      <Stack space="space.150">
        <Heading size="small" as="h2">
          TeamCity server
        </Heading>
        <Box style={{ maxWidth: 560 }}>
          <FormTextField
            id="repository-server"
            name="serverUrl"
            label="Server address"
            helper={`${
              servers.length > 0
                ? `Your workspace allows: ${servers.join(', ')}.`
                : 'Any HTTPS TeamCity server reachable from Atlassian Cloud, e.g. https://teamcity.example.com.'
            }${saved.defaultServerUrl ? ` The workspace's default server is ${saved.defaultServerUrl}.` : ''}`}
            type="url"
            value={draft.serverUrl}
            error={error && errorField<SaveRepositorySettingsRequest>(error, ['serverUrl']) ? error.message : undefined}
            isDisabled={!canEdit || saving}
            onChange={(value) => edit({ ...draft, serverUrl: value })}
          />
        </Box>
      </Stack>
      <CredentialSection saved={saved} canEdit={canEdit} onChanged={applySaved} />
      <Stack space="space.100">
        <Checkbox
          label="Use Bitbucket build statuses instead of asking TeamCity"
          isChecked={draft.buildSource === 'bitbucket'}
          isDisabled={!canEdit || saving}
          testId="use-build-statuses"
          onChange={(e) => edit({ ...draft, buildSource: e.target.checked ? 'bitbucket' : 'teamcity' })}
        />
        <Text as="p" color="color.text.subtle" size="small">
          Where TeamCity&apos;s Commit Status Publisher already reports builds to Bitbucket, the merge check can read those statuses (key =
          build configuration id) and needs no read credential.
        </Text>
      </Stack>
      <ConfigurationsSection draft={draft} canEdit={canEdit} canDiscover={saved.credential !== null} isDisabled={saving} onChange={edit} />
      {canEdit && (
        <Inline space="space.100" alignBlock="center">
          <Button appearance="primary" onClick={save} isLoading={saving} isDisabled={!dirty || invalid} testId="save-settings">
            Save
          </Button>
          <Button appearance="subtle" onClick={() => edit(draftOf(saved))} isDisabled={!dirty || saving}>
            Discard changes
          </Button>
          {saved.updatedAt && (
            <Text color="color.text.subtle" size="small">
              Last saved <RelativeTimeText value={saved.updatedAt} />
            </Text>
          )}
        </Inline>
      )}
      <HistorySection history={saved.history} />
    </Stack>
  );
}

export function RepoSettingsPage() {
  return (
    <AdminSettingsPage
      load={api.getRepositorySettings}
      input={{}}
      forbiddenTitle="No access"
      testIdPrefix="settings"
      intro={
        <>
          Connect this repository to TeamCity and choose the builds that must pass before a pull request can be merged. Turn on the
          &quot;TeamCity builds passed&quot; merge check under Repository settings &gt; Merge checks (custom merge checks must be switched
          on for the workspace), and mark it Required to block merging.
        </>
      }
    >
      {(saved, setSaved) => <SettingsEditor saved={saved} onSaved={setSaved} />}
    </AdminSettingsPage>
  );
}
