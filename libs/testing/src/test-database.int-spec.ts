import pg from 'pg';
import { createTestDatabase } from './test-database';

const databaseExists = async (name: string): Promise<boolean> => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
};

describe('createTestDatabase', () => {
  it('creates a database of its own, prepared, and drops it even while a session is open on it', async () => {
    const database = await createTestDatabase({
      prepare: async (url) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query('create table prepared (id int)');
        await client.end();
      },
    });
    expect(database.name).toMatch(/^sitrep_test_[0-9a-f]{12}$/);
    const session = new pg.Client({ connectionString: database.url });
    session.on('error', () => undefined); // the drop ends this session on purpose
    await session.connect();
    expect((await session.query('select count(*)::int as n from prepared')).rows).toEqual([{ n: 0 }]);

    await database.drop();

    expect(await databaseExists(database.name)).toBe(false);
    await session.end().catch(() => undefined);
  });

  it('drops the database when prepare fails, and reports the failure', async () => {
    let name = '';
    const failing = createTestDatabase({
      prepare: async (url) => {
        name = new URL(url).pathname.slice(1);
        throw new Error('migration 003 is broken');
      },
    });

    await expect(failing).rejects.toThrow('migration 003 is broken');
    expect(await databaseExists(name)).toBe(false);
  });
});
