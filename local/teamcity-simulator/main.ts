import { startTeamCitySimulator } from './index';

/** Standalone simulator for the offline demo: npx tsx local/teamcity-simulator/main.ts (TEAMCITY_SIM_PORT, default 8111). */
async function main(): Promise<void> {
  const port = Number(process.env.TEAMCITY_SIM_PORT ?? 8111);
  const sim = await startTeamCitySimulator({ port });
  const token = sim.createToken('admin', `demo-${new Date().toISOString()}`);
  // This token belongs to the local simulator only; printing it is how the demo user gets one.
  process.stdout.write(`TeamCity simulator listening on ${sim.url}\n`);
  process.stdout.write('Users: admin/admin, developer/developer, viewer/viewer\n');
  process.stdout.write(`Demo access token for admin: ${token}\n`);
  const stop = () => void sim.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`TeamCity simulator failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
