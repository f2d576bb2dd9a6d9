/**
 * The two view APIs of @forge/bridge the build modal uses, without `view` itself, which pulls in every view API
 * (ADF renderer, history, ...). Apart from forge-bridge.ts because these CommonJS modules cannot be
 * tree-shaken: getContext brings @forge/i18n, which the settings and admin pages would carry for nothing.
 */
export { close as closeView } from '@forge/bridge/out/view/close';
export { getContext } from '@forge/bridge/out/view/getContext';
