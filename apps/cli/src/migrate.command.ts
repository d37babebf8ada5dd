import { loadConfig } from '@sitrep/config';
import { migrate } from '@sitrep/storage';
import { openDatabase } from './open-database';

/** `sitrep migrate`: applies the schema migrations the database has not seen (the apps also do at start). */
export async function migrateCommand(): Promise<number> {
  const database = await openDatabase(loadConfig(process.env));
  try {
    const { current } = await migrate(database.pool);
    process.stdout.write(`schema at version ${current}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
