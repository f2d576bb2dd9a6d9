/**
 * Build configurations as one radio group with a heading per project. Native radios give arrow-key
 * navigation and screen reader semantics for free; a paused configuration is listed but cannot be chosen.
 */
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { designToken } from '../../shared/design-token';
import type { BuildConfigurationView } from '../../../src/shared/schemas';
import { groupByProject } from './group-by-project';

export type ConfigurationListProps = {
  configurations: BuildConfigurationView[];
  selectedId: string | null;
  labelledBy: string;
  describedBy?: string;
  onSelect: (configuration: BuildConfigurationView) => void;
};

export function ConfigurationList({ configurations, selectedId, labelledBy, describedBy, onSelect }: ConfigurationListProps) {
  return (
    <div
      role="radiogroup"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      data-testid="configuration-list"
      style={{
        maxHeight: 248,
        overflowY: 'auto',
        border: `${designToken('border.width')} solid ${designToken('color.border')}`,
        borderRadius: designToken('radius.medium'),
      }}
    >
      {groupByProject(configurations).map((group) => (
        <Box key={group.projectId} role="group" aria-label={group.projectName}>
          <Box
            paddingBlock="space.075"
            paddingInline="space.150"
            style={{
              background: designToken('color.background.neutral.subtle.hovered'),
              position: 'sticky',
              top: 0,
              zIndex: 1,
            }}
          >
            <Text size="small" weight="semibold" color="color.text.subtle">
              {group.projectName}
            </Text>
          </Box>
          <Stack>
            {group.configurations.map((configuration) => (
              <ConfigurationRow
                key={configuration.id}
                configuration={configuration}
                isSelected={configuration.id === selectedId}
                onSelect={onSelect}
              />
            ))}
          </Stack>
        </Box>
      ))}
    </div>
  );
}

type RowProps = { configuration: BuildConfigurationView; isSelected: boolean; onSelect: (c: BuildConfigurationView) => void };

function ConfigurationRow({ configuration, isSelected, onSelect }: RowProps) {
  const inputId = `configuration-${configuration.id}`;
  return (
    <label
      htmlFor={inputId}
      data-testid={`configuration-option-${configuration.id}`}
      style={{
        display: 'block',
        cursor: configuration.paused ? 'not-allowed' : 'pointer',
        background: isSelected ? designToken('color.background.selected') : undefined,
        borderTop: `${designToken('border.width')} solid ${designToken('color.border')}`,
      }}
    >
      <Box as="span" paddingBlock="space.100" paddingInline="space.150" style={{ display: 'block' }}>
        <Inline space="space.100" alignBlock="center">
          {/* eslint-disable-next-line @atlaskit/design-system/no-html-radio, @atlaskit/design-system/no-readonly-or-disabled-inputs -- one native radio group (see the top of the file); a paused configuration stays listed, disabled, with "Paused" as its description */}
          <input
            id={inputId}
            type="radio"
            name="build-configuration"
            value={configuration.id}
            checked={isSelected}
            disabled={configuration.paused}
            aria-describedby={configuration.paused ? `${inputId}-paused` : undefined}
            onChange={() => onSelect(configuration)}
            style={{ margin: 0, accentColor: designToken('color.background.selected.bold') }}
          />
          <Text color={configuration.paused ? 'color.text.disabled' : 'color.text'}>{configuration.name}</Text>
          {configuration.paused && (
            <span id={`${inputId}-paused`}>
              <Lozenge appearance="moved">Paused</Lozenge>
            </span>
          )}
        </Inline>
      </Box>
    </label>
  );
}
