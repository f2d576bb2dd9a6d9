/** How the dialog's pickers show a choice in the open menu: its label, and its note in small text under it. */
import type { ReactNode } from 'react';
import { Stack, Text } from '@atlaskit/primitives/compiled';

/** For a select's `formatOptionLabel`; the chosen value shows the label alone. */
export function optionWithNote(option: { label: string; note?: string }, meta: { context: 'menu' | 'value' }): ReactNode {
  if (meta.context !== 'menu' || !option.note) return option.label;
  return (
    <Stack>
      <span>{option.label}</span>
      <Text size="small" color="color.text.subtlest">
        {option.note}
      </Text>
    </Stack>
  );
}
