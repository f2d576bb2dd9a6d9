/** The host must render the modules the manifest declares, under the same keys, types and resources. */
import fs from 'node:fs';
import path from 'node:path';
import { LOCAL_MODULES } from './local-modules';

/** Just enough of manifest.yml: `modules.<type>: - key / resource` entries. */
function manifestModules(): Array<{ type: string; key: string; resource: string }> {
  const lines = fs.readFileSync(path.resolve(__dirname, '../../../manifest.yml'), 'utf8').split('\n');
  const found: Array<{ type: string; key: string; resource: string }> = [];
  let type = '';
  for (const line of lines) {
    const typeMatch = /^ {2}(bitbucket:\w+):\s*$/.exec(line);
    if (typeMatch) type = typeMatch[1]!;
    else if (/^ {2}\S/.test(line) || /^\S/.test(line)) type = '';
    const key = /^ {4}- key:\s*(\S+)/.exec(line);
    if (key && type) found.push({ type, key: key[1]!, resource: '' });
    const resource = /^ {6}resource:\s*(\S+)/.exec(line);
    if (resource && type && found.length) found[found.length - 1]!.resource = resource[1]!;
  }
  // A merge check is no UI module: the host runs it on pull request events (merge-check-host.ts).
  return found.filter((m) => m.type !== 'bitbucket:mergeCheck');
}

it('mirrors the UI modules of manifest.yml', () => {
  const declared = manifestModules();
  expect(declared.length).toBeGreaterThan(0);
  expect(LOCAL_MODULES.map(({ type, key, resource }) => ({ type, key, resource }))).toEqual(declared);
});
