/** Closing is the host's job; outside Forge (the bundle opened on its own) there is nothing to close. */
import { view } from '@forge/bridge';

export function closeModal(): void {
  view.close().catch(() => undefined);
}
