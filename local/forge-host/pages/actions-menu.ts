/** The "•••" menu of a repository or pull request page, with the app's action that opens in a modal. */
import { moduleByKey } from '../runtime/local-modules';
import { html } from './html';

export function actionsMenu(moduleKey: string, modalSrc: string) {
  const title = moduleByKey(moduleKey)?.title ?? moduleKey;
  return html`<details class="actions-menu">
  <summary aria-label="More actions">•••</summary>
  <div class="menu" role="menu">
    <button type="button" role="menuitem" data-open-modal="${modalSrc}" data-modal-title="${title}">${title}</button>
  </div>
</details>`;
}
