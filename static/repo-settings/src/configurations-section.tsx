/**
 * The repository's build configurations: found through the VCS-root match or added by id, each shown or hidden
 * in the run dialog and pull request panel, and optionally required for merge, for all target branches or only
 * those matching a pattern.
 */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { Checkbox } from '@atlaskit/checkbox';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import type { AppError } from '../../../src/shared/result';
import { designToken } from '../../shared/design-token';
import { FormTextField } from '../../shared/form-text-field';
import { api } from './api';
import { addConfiguration, patternProblem, removeConfiguration, updateConfiguration, type SettingsDraft } from './settings-draft';

type Props = {
  draft: SettingsDraft;
  canEdit: boolean;
  canDiscover: boolean;
  isDisabled: boolean;
  onChange: (draft: SettingsDraft) => void;
};

export function ConfigurationsSection({ draft, canEdit, canDiscover, isDisabled, onChange }: Props) {
  const [newId, setNewId] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const [discovering, setDiscovering] = useState(false);
  const [discoverError, setDiscoverError] = useState<AppError | null>(null);
  const [discoverNotice, setDiscoverNotice] = useState<string | null>(null);
  const disabled = !canEdit || isDisabled;

  const discover = async () => {
    setDiscovering(true);
    setDiscoverError(null);
    setDiscoverNotice(null);
    const result = await api.discoverRepositoryConfigurations({});
    setDiscovering(false);
    if (!result.ok) return setDiscoverError(result.error);
    let next = draft;
    let added = 0;
    for (const item of result.data.items) {
      const attempt = addConfiguration(next, item);
      if ('draft' in attempt) {
        next = attempt.draft;
        added++;
      }
    }
    onChange(next);
    setDiscoverNotice(
      result.data.items.length === 0
        ? 'TeamCity has no build configuration whose VCS root points at this repository. Add one by id below.'
        : `${added} new build configuration${added === 1 ? '' : 's'} found for this repository. Save to keep them.`,
    );
  };

  const add = () => {
    const attempt = addConfiguration(draft, { id: newId });
    if ('error' in attempt) return setAddError(attempt.error);
    setAddError(null);
    setNewId('');
    onChange(attempt.draft);
  };

  return (
    <Stack space="space.150" testId="configurations-section">
      <Heading size="small" as="h2">
        Build configurations
      </Heading>
      <Text as="p" color="color.text.subtle">
        Required configurations must have a finished, successful build of a pull request&apos;s latest commit before the &quot;TeamCity
        builds passed&quot; merge check passes.
      </Text>
      {discoverError && <SectionMessage appearance="error">{discoverError.message}</SectionMessage>}
      {discoverNotice && (
        <SectionMessage appearance="information" testId="discover-notice">
          {discoverNotice}
        </SectionMessage>
      )}
      {draft.configurations.length === 0 && <Text as="p">No build configurations yet.</Text>}
      {draft.configurations.map((c) => {
        const problem = patternProblem(c);
        return (
          <Box
            key={c.id}
            padding="space.150"
            testId={`configuration-${c.id}`}
            style={{ border: `${designToken('border.width')} solid ${designToken('color.border')}`, borderRadius: 3 }}
          >
            <Stack space="space.100">
              <Inline space="space.200" alignBlock="center" shouldWrap spread="space-between">
                <Stack space="space.0">
                  <Text weight="semibold">{c.name}</Text>
                  <Text color="color.text.subtle" size="small">
                    {c.projectName ? `${c.projectName} · ` : ''}
                    {c.id}
                  </Text>
                </Stack>
                <Inline space="space.200" alignBlock="center">
                  <Checkbox
                    label="Shown"
                    isChecked={c.shown}
                    isDisabled={disabled}
                    testId={`shown-${c.id}`}
                    onChange={(e) => onChange(updateConfiguration(draft, c.id, { shown: e.target.checked }))}
                  />
                  <Checkbox
                    label="Required for merge"
                    isChecked={c.required}
                    isDisabled={disabled}
                    testId={`required-${c.id}`}
                    onChange={(e) => onChange(updateConfiguration(draft, c.id, { required: e.target.checked }))}
                  />
                  {canEdit && (
                    <Button appearance="subtle" isDisabled={isDisabled} onClick={() => onChange(removeConfiguration(draft, c.id))}>
                      Remove
                    </Button>
                  )}
                </Inline>
              </Inline>
              {c.required && (
                <Inline space="space.150" alignBlock="center" shouldWrap>
                  <Checkbox
                    label="Only for pull requests into branches matching"
                    isChecked={c.restrict}
                    isDisabled={disabled}
                    testId={`restrict-${c.id}`}
                    onChange={(e) => onChange(updateConfiguration(draft, c.id, { restrict: e.target.checked }))}
                  />
                  {c.restrict && (
                    <Box style={{ width: 240 }}>
                      {/* eslint-disable-next-line @atlaskit/design-system/no-placeholder, @atlaskit/design-system/no-readonly-or-disabled-inputs -- the example pattern is the hint; members see the settings read-only */}
                      <Textfield
                        aria-label={`Target branch pattern for ${c.name}`}
                        placeholder="main or release/*"
                        value={c.patternText}
                        isDisabled={disabled}
                        isInvalid={problem !== null}
                        testId={`pattern-${c.id}`}
                        onChange={(e) => onChange(updateConfiguration(draft, c.id, { patternText: e.currentTarget.value }))}
                      />
                    </Box>
                  )}
                  {problem && (
                    <Text color="color.text.danger" size="small">
                      {problem}
                    </Text>
                  )}
                </Inline>
              )}
            </Stack>
          </Box>
        );
      })}
      {canEdit && (
        <Inline space="space.150" alignBlock="end" shouldWrap>
          <Button onClick={discover} isLoading={discovering} isDisabled={!canDiscover || isDisabled} testId="discover-configurations">
            Find configurations for this repository
          </Button>
          <Box style={{ width: 320 }}>
            <FormTextField
              id="configuration-id"
              name="configurationId"
              label="Add by build configuration id"
              helper="The id TeamCity shows for it, e.g. Acme_Webapp_Build. Checked in TeamCity when you save."
              value={newId}
              error={addError ?? undefined}
              isDisabled={isDisabled}
              onChange={(value) => {
                setNewId(value);
                setAddError(null);
              }}
            />
          </Box>
          <Button onClick={add} isDisabled={newId.trim() === '' || isDisabled} testId="add-configuration">
            Add
          </Button>
        </Inline>
      )}
    </Stack>
  );
}
