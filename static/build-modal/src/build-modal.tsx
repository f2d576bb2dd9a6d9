/**
 * The "Run TeamCity build" modal of the repository and pull request actions. It loads what the backend
 * knows about this repository and the user's TeamCity tokens, then either explains how to connect TeamCity
 * or shows the run form.
 */
import Button from '@atlaskit/button/new';
import { Box } from '@atlaskit/primitives/compiled';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { GetBuildSetupResponse } from '../../../src/shared/schemas';
import { BUILD_RESOLVER_FUNCTIONS } from '../../shared/build-resolver-functions';
import { useResolverQuery } from '../../shared/use-resolver-query';
import { closeModal } from './close-modal';
import { ModalFrame } from './modal-frame';
import { NoTokenState } from './no-token-state';
import { usePersonalSettingsPath } from './personal-settings-link';
import { RunBuildFlow } from './run-build-flow';

const describe = (setup: GetBuildSetupResponse): string =>
  setup.pullRequest
    ? `${setup.repository.fullName} · Pull request #${setup.pullRequest.id}: ${setup.pullRequest.title}`
    : setup.repository.fullName;

export function BuildModal() {
  const { state, reload } = useResolverQuery<GetBuildSetupResponse>(BUILD_RESOLVER_FUNCTIONS.getBuildSetup, {});
  const settingsPath = usePersonalSettingsPath(state.status === 'ready' ? state.data.repository.workspace : undefined);

  if (state.status === 'ready' && state.data.servers.length > 0) {
    return <RunBuildFlow setup={state.data} settingsPath={settingsPath} subtitle={describe(state.data)} />;
  }

  const closeOnly = (
    <Button appearance={state.status === 'ready' ? 'subtle' : 'default'} onClick={closeModal} testId="close-modal">
      Close
    </Button>
  );
  return (
    <ModalFrame subtitle={state.status === 'ready' ? describe(state.data) : undefined} footer={closeOnly}>
      {state.status === 'loading' && (
        <Box style={{ display: 'flex', justifyContent: 'center', padding: token('space.600') }}>
          <Spinner size="large" label="Loading" testId="build-setup-loading" />
        </Box>
      )}
      {state.status === 'error' && (
        <SectionMessage
          appearance="error"
          title="We couldn't open the build form"
          testId="build-setup-error"
          actions={<SectionMessageAction onClick={reload}>Try again</SectionMessageAction>}
        >
          {state.error.message}
        </SectionMessage>
      )}
      {state.status === 'ready' && <NoTokenState settingsPath={settingsPath} />}
    </ModalFrame>
  );
}
