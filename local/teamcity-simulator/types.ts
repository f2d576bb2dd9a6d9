import type { SimulatorData } from './data';

export type SimulatorVersion = { major: number; minor: number; build: string };

export type SimulatorOptions = {
  /** 0 = ephemeral (default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 'demo'. */
  seed?: 'demo' | 'empty';
  /** Default 2025.11 (build 197398). */
  version?: SimulatorVersion;
  /** How long a triggered build stays queued / running. Default 1500 / 4000. */
  buildDurations?: { queuedMs: number; runningMs: number };
  tls?: { key: string; cert: string };
  /**
   * The simulator's clock in epoch ms (token expiry, build progress, dates it reports); default Date.now. Tests
   * pass the same clock as the app's, so expiry and "last checked" never depend on the wall clock.
   */
  now?: () => number;
};

export type SimFault =
  | 'slow'
  | 'reset'
  | 'status500'
  | 'status502'
  | 'status503'
  | 'html-proxy'
  | 'unauthorized'
  | 'token-expired'
  | 'login-redirect'
  | 'not-json';

export type FaultMatch = {
  path?: string | RegExp;
  method?: string;
  /** How many matching requests the fault affects; unlimited when absent. */
  times?: number;
  /** Delay for 'slow'; default 30000 ms. */
  delayMs?: number;
};

/** `at` and `answeredAt`: epoch ms on the machine's clock (not `now`), for measuring waits and overlap. */
export type RequestLogEntry = { method: string; path: string; at: number; answeredAt?: number; authenticated: boolean };

export interface TeamCitySimulator {
  url: string;
  close(): Promise<void>;
  createToken(username: string, name: string, opts?: { expiresAt?: Date }): string;
  revokeToken(value: string): void;
  setFault(fault: SimFault | null, match?: FaultMatch): void;
  requests: RequestLogEntry[];
  clearRequests(): void;
  data: SimulatorData;
}
