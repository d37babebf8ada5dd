import { createHash } from 'node:crypto';
import type { PoolClient, Queryable } from '@sitrep/storage';
import { quoteIdent } from './scratch-schema';

/** One row of a read model: its primary key (a JSON array, in key order) and a hash of its content. */
export interface RowHash {
  readonly key: string;
  readonly hash: string;
}

export interface TableRows {
  readonly table: string;
  /** The primary key's columns; empty for a table without one (the whole row is its key then). */
  readonly keyColumns: readonly string[];
  /** Ordered by primary key. */
  readonly rows: readonly RowHash[];
}

export interface TableDigest {
  readonly rows: number;
  /** SHA-256 (hex) over the rows in key order, each as its key and the MD5 of its canonical text. */
  readonly digest: string;
}

/**
 * Fixes the session settings that the text of a value depends on (time zone, float digits, date
 * style), in the caller's transaction, so that a row's text is the same in any session.
 */
export const useStableText = async (client: PoolClient): Promise<void> => {
  await client.query(`set local timezone = 'UTC'`);
  await client.query('set local extra_float_digits = 1');
  await client.query(`set local datestyle = 'ISO, YMD'`);
  await client.query(`set local intervalstyle = 'iso_8601'`);
};

const keyColumnsOf = async (db: Queryable, schema: string, table: string) => {
  const { rows } = await db.query<{ name: string; collatable: boolean }>(
    `select a.attname as name, t.typcollation <> 0 as collatable
     from pg_index i
     cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
     join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
     join pg_type t on t.oid = a.atttypid
     where i.indrelid = $1::regclass and i.indisprimary
     order by k.ord`,
    [`${quoteIdent(schema)}.${quoteIdent(table)}`],
  );
  return rows;
};

/**
 * Every row of `schema.table` as (key, hash), ordered by primary key. The canonical text of a row is
 * its jsonb form (keys sorted, values in PostgreSQL's text forms); text keys are ordered bytewise
 * (collation "C"), so that the order does not depend on the database's locale. Call it in a
 * transaction that ran useStableText.
 */
export const tableRows = async (client: PoolClient, schema: string, table: string): Promise<TableRows> => {
  const keys = await keyColumnsOf(client, schema, table);
  const whole = 'to_jsonb(t)::text';
  const keyExpression =
    keys.length === 0
      ? `jsonb_build_array(${whole})`
      : `jsonb_build_array(${keys.map((k) => `t.${quoteIdent(k.name)}`).join(', ')})`;
  const order =
    keys.length === 0
      ? `${whole} collate "C"`
      : keys.map((k) => `t.${quoteIdent(k.name)}${k.collatable ? ' collate "C"' : ''}`).join(', ');
  const { rows } = await client.query<RowHash>(
    `select ${keyExpression}::text as key, md5(${whole}) as hash
     from ${quoteIdent(schema)}.${quoteIdent(table)} t order by ${order}`,
  );
  return { table, keyColumns: keys.map((k) => k.name), rows };
};

export const digestOf = (rows: readonly RowHash[]): TableDigest => {
  const hash = createHash('sha256');
  for (const row of rows) hash.update(`${row.key}\t${row.hash}\n`);
  return { rows: rows.length, digest: hash.digest('hex') };
};

export interface RowDifference {
  /** The primary key, column by column. */
  readonly key: Readonly<Record<string, unknown>>;
  /** changed: in both, with other values; missing: only in the rebuild; extra: only in the live model. */
  readonly kind: 'changed' | 'missing' | 'extra';
}

/** The rows in which two versions of a table differ, in key order of the live version, then the rebuilt one. */
export const rowDifferences = (live: TableRows, rebuilt: TableRows): RowDifference[] => {
  const keyOf = (key: string): Record<string, unknown> => {
    const values = JSON.parse(key) as unknown[];
    const names = live.keyColumns.length > 0 ? live.keyColumns : ['row'];
    return Object.fromEntries(names.map((name, i) => [name, values[i]]));
  };
  const rebuiltByKey = new Map(rebuilt.rows.map((row) => [row.key, row.hash]));
  const liveKeys = new Set(live.rows.map((row) => row.key));
  const differences: RowDifference[] = [];
  for (const row of live.rows) {
    const other = rebuiltByKey.get(row.key);
    if (other === undefined) differences.push({ key: keyOf(row.key), kind: 'extra' });
    else if (other !== row.hash) differences.push({ key: keyOf(row.key), kind: 'changed' });
  }
  for (const row of rebuilt.rows) {
    if (!liveKeys.has(row.key)) differences.push({ key: keyOf(row.key), kind: 'missing' });
  }
  return differences;
};
