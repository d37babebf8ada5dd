/** The little of a PostgreSQL client that queries need; pg's Pool and PoolClient both fit. */
export interface Db {
  query<R extends object = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}
