import { execFile } from 'node:child_process';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunCliOptions {
  /** Added to the parent's environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** Kill the child after this long (a hang then fails the test with code -1 instead of timing the run out). */
  readonly timeoutMs?: number;
  /** Node options before the script (e.g. --import of a preload). */
  readonly nodeArgs?: readonly string[];
}

/** Runs `neocc` exactly as users do (node bin/neocc.mjs …), in a child process. */
export function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...(options.nodeArgs ?? []), 'bin/neocc.mjs', ...args], {
      maxBuffer: 64 << 20, env: { ...process.env, ...options.env }, timeout: options.timeoutMs ?? 0, killSignal: 'SIGKILL',
    }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : error.killed ? -1 : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
