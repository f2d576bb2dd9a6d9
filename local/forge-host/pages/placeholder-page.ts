/** A plain page shown inside a frame when a Custom UI resource is missing. */
import { html } from './html';

export function placeholderPage(title: string, message: string): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="/__forge/assets/shell.css"></head>
<body class="placeholder"><h1>${title}</h1><p>${message}</p></body></html>
`.value;
}
