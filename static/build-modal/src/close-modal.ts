/** Closing is the host's job; outside Forge (the bundle opened on its own) there is nothing to close. */
import { closeView } from '../../shared/forge-view';

export function closeModal(): void {
  closeView().catch(() => undefined);
}
