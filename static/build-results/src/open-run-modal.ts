/**
 * "Run" on a configuration: the build modal (resource build-modal), preset to that configuration and the
 * viewer's token, over the page, with Forge's Modal class (https://developer.atlassian.com/platform/forge/custom-ui-bridge/modal/).
 * The modal reads the pull request from its own context, so the PR's branch is the default.
 */
import { Modal } from '@forge/bridge/out/modal/modal';

export async function openRunModal(preset: { tokenId: string; buildTypeId: string }, onClose: () => void): Promise<boolean> {
  try {
    await new Modal({ resource: 'build-modal', size: 'large', context: preset, onClose }).open();
    return true;
  } catch {
    return false;
  }
}
