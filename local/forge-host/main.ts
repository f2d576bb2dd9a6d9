/**
 * `npm start`: the TeamCity simulator on 127.0.0.1:8111 (TEAMCITY_SIM_PORT; TEAMCITY_SIM=off skips it) and
 * the local Forge host on 127.0.0.1:8787 (PORT), storing data in FORGE_LOCAL_DB.
 */
import path from 'node:path';
import { startLocalHost } from './start-local-host';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

function portFrom(name: string, fallback: number): number {
  const text = process.env[name];
  const port = text === undefined || text === '' ? fallback : Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number, got "${text}".`);
  return port;
}

async function main(): Promise<void> {
  const dbPath = process.env.FORGE_LOCAL_DB || path.join(REPO_ROOT, '.forge-local', 'forge-local.sqlite');
  const withSimulator = process.env.TEAMCITY_SIM !== 'off';
  const host = await startLocalHost({
    port: portFrom('PORT', 8787),
    dbPath,
    teamcity: withSimulator ? { port: portFrom('TEAMCITY_SIM_PORT', 8111) } : false,
    pullRequestBuilds: withSimulator,
    log: (line) => console.log(line),
    // The demo asks each user for access once, as Forge does (`?consent=revoked` on any page asks again).
    consent: 'ask',
  });

  console.log(`Local Forge host:    ${host.url}  (storage: ${dbPath})`);
  if (host.simulator) {
    const token = host.simulator.createToken('admin', `local-demo-${Date.now()}`);
    console.log(`TeamCity simulator:  ${host.simulator.url}`);
    console.log(`Demo token for TeamCity user "admin": ${token}`);
    console.log(`Try it: open ${host.url}/account/teamcity and add server ${host.simulator.url} with the token above.`);
  } else {
    console.log(`Try it: open ${host.url}/account/teamcity`);
  }

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    host.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
