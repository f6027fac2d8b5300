import { NeoccError } from '../errors.js';

/**
 * A `neocc gen` request that cannot be carried out as given: a missing option, an unknown value or two options
 * that conflict. The message names the option and what is allowed, so the CLI can print it as is.
 */
export class GenOptionError extends NeoccError {
  readonly option: string;
  readonly allowed: string;

  constructor(option: string, problem: string, allowed: string) {
    super('invalid-option', `gen: ${option} ${problem}; allowed: ${allowed}`);
    this.option = option;
    this.allowed = allowed;
  }
}

/** A generated folder whose files differ from what the generator would write now (`neocc gen --check`). */
export class StaleOutputError extends NeoccError {
  constructor(message: string) {
    super('stale-output', message);
  }
}
