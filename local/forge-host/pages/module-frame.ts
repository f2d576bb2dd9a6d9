/** A Custom UI module embedded in a page (panels and cards), sized to its content like Bitbucket does. */
import { moduleByKey } from '../runtime/local-modules';
import { frameUrl } from './frame-url';
import { html } from './html';

export function moduleFrame(moduleKey: string, place: Parameters<typeof frameUrl>[1]) {
  const title = moduleByKey(moduleKey)?.title ?? moduleKey;
  return html`<section class="module-slot" data-module="${moduleKey}">
    <iframe class="forge-frame" data-autoresize src="${frameUrl(moduleKey, place)}" title="${title}" sandbox="allow-scripts allow-same-origin allow-forms allow-popups"></iframe>
  </section>`;
}
