/**
 * Name/value rows for build parameters, each with its own error, added and removed by the user. A fieldset's
 * legend names the group: a label would point at a first row that may not exist.
 */
import Button, { IconButton } from '@atlaskit/button/new';
import { ErrorMessage, Fieldset } from '@atlaskit/form';
import AddIcon from '@atlaskit/icon/core/add';
import DeleteIcon from '@atlaskit/icon/core/delete';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import Textfield from '@atlaskit/textfield';
import { newParameterRow, type ParameterRow, type RowProblems } from './parameter-rows';

export type ParametersEditorProps = {
  rows: ParameterRow[];
  problems: Map<number, RowProblems>;
  showProblems: boolean;
  limitProblem: string | null;
  onChange: (rows: ParameterRow[]) => void;
};

export function ParametersEditor({ rows, problems, showProblems, limitProblem, onChange }: ParametersEditorProps) {
  const update = (key: number, change: Partial<ParameterRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const remove = (key: number) => onChange(rows.filter((row) => row.key !== key));
  return (
    <Fieldset legend="Other parameters">
      <Stack space="space.100">
        <Text size="small" color="color.text.subtle">
          Parameters override the build configuration’s, for example env.DEPLOY_TARGET or system.verbose.
        </Text>
        {rows.length > 0 && (
          // Column names for sighted users; each input is labelled on its own ("Parameter 1 name").
          <Inline space="space.100" aria-hidden>
            <Box style={{ flex: '1 1 45%' }}>
              <Text size="small" weight="semibold">
                Name
              </Text>
            </Box>
            <Box style={{ flex: '1 1 55%' }}>
              <Text size="small" weight="semibold">
                Value
              </Text>
            </Box>
            {/* The width of the remove buttons below. */}
            <Box style={{ width: 24 }} />
          </Inline>
        )}
        {rows.map((row, index) => {
          const problem = showProblems || row.name !== '' ? problems.get(row.key) : undefined;
          const nameId = `parameter-name-${index}`;
          const valueId = `parameter-value-${index}`;
          return (
            <Stack key={row.key} space="space.050" testId={`parameter-row-${index}`}>
              <Inline space="space.100" alignBlock="start">
                <Box style={{ flex: '1 1 45%' }}>
                  <Textfield
                    id={nameId}
                    aria-label={`Parameter ${index + 1} name`}
                    value={row.name}
                    isCompact
                    spellCheck={false}
                    isInvalid={problem?.name !== undefined}
                    aria-describedby={problem?.name ? `${nameId}-error` : undefined}
                    testId={`parameter-name-${index}`}
                    onChange={(event) => update(row.key, { name: event.currentTarget.value })}
                  />
                </Box>
                <Box style={{ flex: '1 1 55%' }}>
                  <Textfield
                    id={valueId}
                    aria-label={`Parameter ${index + 1} value`}
                    value={row.value}
                    isCompact
                    spellCheck={false}
                    isInvalid={problem?.value !== undefined}
                    aria-describedby={problem?.value ? `${valueId}-error` : undefined}
                    testId={`parameter-value-${index}`}
                    onChange={(event) => update(row.key, { value: event.currentTarget.value })}
                  />
                </Box>
                <IconButton
                  icon={DeleteIcon}
                  label={`Remove parameter ${row.name.trim() || index + 1}`}
                  appearance="subtle"
                  spacing="compact"
                  onClick={() => remove(row.key)}
                  testId={`parameter-remove-${index}`}
                />
              </Inline>
              {problem?.name && (
                <div id={`${nameId}-error`}>
                  <ErrorMessage>{problem.name}</ErrorMessage>
                </div>
              )}
              {problem?.value && (
                <div id={`${valueId}-error`}>
                  <ErrorMessage>{problem.value}</ErrorMessage>
                </div>
              )}
            </Stack>
          );
        })}
        {limitProblem && <ErrorMessage>{limitProblem}</ErrorMessage>}
        <Inline>
          <Button iconBefore={AddIcon} spacing="compact" onClick={() => onChange([...rows, newParameterRow()])} testId="parameter-add">
            Add parameter
          </Button>
        </Inline>
      </Stack>
    </Fieldset>
  );
}
