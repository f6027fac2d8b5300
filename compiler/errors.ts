/**
 * Every error neocc raises on purpose derives from NeoccError and carries a stable `code`, so callers (the CLI,
 * tests, apps) can branch on the kind of failure without parsing messages.
 */
export class NeoccError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A feature that is knowingly not implemented; the message says what and, where known, what to use instead. */
export class NotSupportedError extends NeoccError {
  constructor(what: string) {
    super('not-supported', `not supported: ${what}`);
  }
}
