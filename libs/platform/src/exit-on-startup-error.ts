/** A start that fails (bad configuration, no database) says why on stderr and exits 1. */
export const exitOnStartupError = (error: unknown): never => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`sitrep: could not start: ${message}\n`);
  process.exit(1);
};
