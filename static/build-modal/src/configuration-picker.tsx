/**
 * Choosing what to build: the configurations of the selected server that build this repository, a search
 * box, and the way out when none do ("Search all build configurations").
 */
import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { ErrorMessage, Label } from '@atlaskit/form';
import SearchIcon from '@atlaskit/icon/core/search';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { QueryError } from '../../shared/query-status';
import { MAX_SEARCH_LENGTH } from '../../../src/shared/input-rules';
import type { BuildConfigurationView } from '../../../src/shared/schemas';
import { ConfigurationList } from './configuration-list';
import { filterConfigurations } from './filter-configurations';
import { needsNewToken, ReplaceTokenAction } from '../../shared/replace-token-action';
import { useBuildConfigurations, type ConfigurationScope } from './use-build-configurations';
import { useDebouncedValue } from './use-debounced-value';

export type ConfigurationPickerProps = {
  tokenId: string;
  repositoryName: string;
  selected: BuildConfigurationView | null;
  /** The configuration this user ran last for this repository on this server. */
  preferredId: string | undefined;
  error?: string;
  settingsPath: string | null;
  onSelect: (configuration: BuildConfigurationView) => void;
};

const SEARCH_DELAY_MS = 300;

export function ConfigurationPicker({
  tokenId,
  repositoryName,
  selected,
  preferredId,
  error,
  settingsPath,
  onSelect,
}: ConfigurationPickerProps) {
  const [scope, setScope] = useState<ConfigurationScope>('repository');
  const [search, setSearch] = useState('');
  const settledSearch = useDebouncedValue(search, SEARCH_DELAY_MS);
  // The repository's list comes whole and is filtered here; across all configurations TeamCity searches.
  const { state, loadMore, reload } = useBuildConfigurations(tokenId, scope, scope === 'all' ? settledSearch : '');
  const visible = filterConfigurations(state.items, search);
  // Until the debounced search reaches TeamCity, the old page filtered locally may be empty; that is not "no match".
  const settling = scope === 'all' && search !== settledSearch;
  const selectionHidden = selected !== null && !visible.some((c) => c.id === selected.id);
  const preselected = useRef(false);

  useEffect(() => {
    if (preselected.current || state.status !== 'ready' || selected) return;
    preselected.current = true;
    const runnable = state.items.filter((c) => !c.paused);
    const preferred = runnable.find((c) => c.id === preferredId) ?? (runnable.length === 1 ? runnable[0] : undefined);
    if (preferred) onSelect(preferred);
  }, [state, selected, preferredId, onSelect]);

  const searching = search.trim().length > 0;
  return (
    <Stack space="space.100">
      <Stack space="space.050">
        <Label htmlFor="configuration-search" id="configuration-label">
          Build configuration
        </Label>
        {/* eslint-disable-next-line @atlaskit/design-system/no-placeholder, @atlaskit/design-system/use-character-counter-field -- a search box: the placeholder says what is searched (it changes with the scope) and the limit is only the backend's, far beyond any real search */}
        <Textfield
          id="configuration-search"
          value={search}
          placeholder={scope === 'all' ? 'Search all build configurations' : 'Filter by name or project'}
          // The search's limit on the backend (findBuildConfigurations); longer input would only get an error back.
          maxLength={MAX_SEARCH_LENGTH}
          elemBeforeInput={
            <Box paddingInlineStart="space.075" style={{ display: 'flex' }}>
              <SearchIcon label="" color={token('color.icon.subtle')} />
            </Box>
          }
          isCompact
          testId="configuration-search"
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        {scope === 'all' && (
          <Inline space="space.050" alignBlock="center">
            <Text size="small" color="color.text.subtle">
              Showing every build configuration you can see in TeamCity.
            </Text>
            <Button appearance="subtle" spacing="compact" onClick={() => setScope('repository')}>
              Only this repository
            </Button>
          </Inline>
        )}
      </Stack>

      {state.status === 'loading' && (
        <Box padding="space.300" style={{ display: 'flex', justifyContent: 'center' }}>
          <Spinner size="medium" label="Loading build configurations" testId="configurations-loading" />
        </Box>
      )}
      {state.status === 'error' && state.error && (
        <QueryError
          title="We couldn't load the build configurations"
          testId="configurations-error"
          onRetry={reload}
          action={needsNewToken(state.error) && settingsPath ? <ReplaceTokenAction settingsPath={settingsPath} /> : undefined}
        >
          <span data-testid="configurations-error-message">{state.error.message}</span>
        </QueryError>
      )}
      {state.status === 'ready' && visible.length === 0 && !settling && (
        <SectionMessage
          appearance="information"
          title={emptyTitle(scope, searching, search)}
          headingLevel="h2"
          testId="configurations-empty"
          actions={
            scope === 'repository' ? (
              <SectionMessageAction onClick={() => setScope('all')} testId="search-all-configurations">
                Search all build configurations
              </SectionMessageAction>
            ) : undefined
          }
        >
          {scope === 'repository'
            ? `TeamCity lists a configuration here when one of its VCS roots fetches ${repositoryName}.`
            : 'Check the spelling, or ask a TeamCity administrator for access to the project.'}
        </SectionMessage>
      )}
      {state.status === 'ready' && visible.length > 0 && (
        <ConfigurationList
          configurations={visible}
          selectedId={selected?.id ?? null}
          labelledBy="configuration-label"
          describedBy={error ? 'configuration-error' : undefined}
          onSelect={onSelect}
        />
      )}
      {state.status === 'ready' && state.truncated && visible.length > 0 && (
        <Text size="small" color="color.text.subtle" testId="configurations-truncated">
          {`Showing the first ${state.items.length} — refine your search`}
        </Text>
      )}
      {state.status === 'ready' && state.nextStart !== null && (
        <Inline>
          <Button isLoading={state.loadingMore} onClick={loadMore} spacing="compact" testId="configurations-load-more">
            Load more
          </Button>
        </Inline>
      )}
      {selectionHidden && selected && (
        <Text size="small" color="color.text.subtle" testId="hidden-selection">
          Selected: {selected.name} ({selected.projectName})
        </Text>
      )}
      {state.moreError && <ErrorMessage>{`We couldn't load more: ${state.moreError.message}`}</ErrorMessage>}
      {error && (
        <div id="configuration-error">
          <ErrorMessage testId="configuration-error">{error}</ErrorMessage>
        </div>
      )}
    </Stack>
  );
}

function emptyTitle(scope: ConfigurationScope, searching: boolean, search: string): string {
  if (scope === 'all')
    return searching ? `No build configurations match “${search.trim()}”` : 'There are no build configurations you can see';
  return searching
    ? `No build configurations for this repository match “${search.trim()}”`
    : 'No build configurations in TeamCity use this repository';
}
