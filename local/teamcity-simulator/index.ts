export { startTeamCitySimulator, DEFAULT_VERSION } from './server';
export type { SimulatorOptions, SimFault, FaultMatch, RequestLogEntry, SimulatorVersion, TeamCitySimulator } from './types';
export { SimulatorData, ROOT_PROJECT_ID } from './data';
export type { AddUserInput, AddProjectInput, AddVcsRootInput, AddBuildTypeInput } from './data';
export type { SimUser, SimProject, SimVcsRoot, SimBuildType, Property } from './entities';
export type { SimBuild, BuildState } from './builds';
export { FAULTS, DEFAULT_SLOW_MS } from './faults';
