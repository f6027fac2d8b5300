/**
 * Waiting for this process to go quiet before a timed run. Thread pools keep spinning after a run, one core busy
 * while the main thread sleeps (measured with process.cpuUsage on the 2-vCPU Intel Xeon: onnxruntime-node's intra-op
 * threads 50 ms and at times 100, onnxruntime-web's 30-50 ms, neocc's workers under 10); a run timed while the
 * previous row's threads still spin shares the cores with them (neocc's 2-thread forward right after
 * onnxruntime-web: median 221 ms, after 100 ms of quiet 183). A fixed pause long enough for the slowest pool would
 * be too short the day a pool spins longer; this one watches.
 */

/** Length of one observation window. */
const WINDOW_MS = 5;
/** Quiet: the process used less than this share of one core in a window (a spinning pool uses all of one). */
const QUIET_CORE_SHARE = 0.1;

/** What the gate reads: wall time, this process's CPU time (all threads), and a sleep. Tests give a scripted one. */
export interface ProcessClock {
  nowMs(): number;
  cpuMs(): number;
  sleep(ms: number): Promise<void>;
}

const processClock: ProcessClock = {
  nowMs: () => performance.now(),
  cpuMs: () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  },
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Sleeps in windows of WINDOW_MS until one in which the whole process (every thread, the sleeping main thread
 * included) used under QUIET_CORE_SHARE of one core, or until `maxMs`. Returns the milliseconds waited.
 */
export async function settleUntilQuiet(maxMs = 500, clock: ProcessClock = processClock): Promise<number> {
  const started = clock.nowMs();
  for (;;) {
    const cpuBefore = clock.cpuMs();
    const windowStart = clock.nowMs();
    await clock.sleep(WINDOW_MS);
    const now = clock.nowMs();
    const cpuMs = clock.cpuMs() - cpuBefore;
    if (cpuMs < QUIET_CORE_SHARE * (now - windowStart) || now - started >= maxMs) return now - started;
  }
}
