import type { StoredEvent } from '@sitrep/events';

/** One parameterised SQL statement: what a reducer asks the runner to execute. */
export interface SqlStatement {
  readonly text: string;
  readonly values: readonly unknown[];
}

/**
 * A read model's reducer: events in, row changes out, no I/O. The runner applies the statements and
 * its checkpoint in one transaction; statements must be idempotent (keyed on ids and positions) so
 * that an event applied twice changes nothing.
 */
export interface Projection {
  readonly name: string;
  /** The tables this projection owns, cleared when it is rebuilt from the log. */
  readonly tables: readonly string[];
  evolve(stored: StoredEvent): SqlStatement[];
}

export const sql = (text: string, ...values: unknown[]): SqlStatement => ({ text, values });
