/** A value SQLite and D1 both bind and return the same way. */
export type SqlValue = string | number | null;

export type SqlRow = Record<string, SqlValue>;

export interface SqlStatement {
  sql: string;
  params?: readonly SqlValue[];
}

export interface SqlResult {
  rows: SqlRow[];
  /** Rows the statement inserted, changed or deleted. */
  changes: number;
}

/**
 * How a batch is run:
 * - `read`: a consistent view of the data; never waits for writers.
 * - `write`: durable before the promise resolves (the disk has it; a power cut keeps it).
 * - `log`: a write that may be lost in a power cut (captured requests, counters), cheaper to commit.
 */
export type BatchMode = 'read' | 'write' | 'log';

/**
 * The only thing the SQL store needs from a database: statements run in order as one transaction,
 * all or nothing (D1's `batch`; BEGIN … COMMIT on node:sqlite). No interactive transactions, because
 * D1 has none: a conditional write puts its condition into the statements themselves.
 *
 * A driver turns its own failures into `StoreUnavailableError` with a fix in plain words.
 */
export interface SqlDriver {
  batch(statements: readonly SqlStatement[], mode: BatchMode): Promise<SqlResult[]>;
  close(): Promise<void>;
}

export function sql(text: string, ...params: SqlValue[]): SqlStatement {
  return { sql: text, params };
}
