import { POLL_INTERVAL_MS } from '../../shared/poll-schedule';

/** Builds change slowly next to a dialog the user watches; this is gentler than the modal's two seconds. */
export const RESULTS_POLL_MS = 2 * POLL_INTERVAL_MS;
