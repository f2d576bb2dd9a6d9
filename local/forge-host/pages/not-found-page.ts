import type { DemoUser } from '../bitbucket/demo-data';
import { html } from './html';
import { shellLayout } from './shell-layout';

export function notFoundPage(user: DemoUser, what: string): string {
  return shellLayout(user, 'Not found', html`<h1>Not found</h1><p>${what}</p><p><a href="/">Back to the start page</a></p>`);
}
