/** A build's state in one word and colour: queued, running, or how it finished. */
import Lozenge from '@atlaskit/lozenge';
import type { BuildView } from '../../src/shared/schemas';

type LozengeLook = { appearance: 'default' | 'inprogress' | 'moved' | 'success' | 'removed'; text: string };

export function buildLook(build: Pick<BuildView, 'state' | 'status' | 'canceled'>): LozengeLook {
  if (build.state === 'queued') return { appearance: 'default', text: 'Queued' };
  if (build.state === 'running') return { appearance: 'inprogress', text: 'Running' };
  if (build.canceled) return { appearance: 'moved', text: 'Canceled' };
  switch (build.status) {
    case 'SUCCESS':
      return { appearance: 'success', text: 'Success' };
    case 'FAILURE':
      return { appearance: 'removed', text: 'Failed' };
    case 'ERROR':
      return { appearance: 'removed', text: 'Error' };
    default:
      return { appearance: 'default', text: 'Unknown' };
  }
}

export function BuildStateLozenge({ build, testId }: { build: Pick<BuildView, 'state' | 'status' | 'canceled'>; testId?: string }) {
  const look = buildLook(build);
  return (
    <Lozenge appearance={look.appearance} isBold={build.state === 'finished'} testId={testId}>
      {look.text}
    </Lozenge>
  );
}
