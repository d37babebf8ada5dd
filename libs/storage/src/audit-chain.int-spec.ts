import type { PublishedSitrepEvent } from '@sitrep/events';
import { createTestDatabase, testArticleIngested } from '@sitrep/testing';
import { auditHead, verifyChain } from './audit-chain';
import { appendEvents, GENESIS_HASH, logHead } from './event-log';
import { migrate } from './migrate';
import type { Pool } from './pool';
import { createPool, inTransaction } from './pool';

// Extra data fields (numbers, nesting) are in no schema; the log stores and hashes them all the same.
const ingested = (n: number, text: string, extraData: Record<string, unknown> = {}): PublishedSitrepEvent =>
  testArticleIngested(n, {
    idPrefix: 'chain',
    time: '2024-11-28T08:00:00.123Z',
    publishedAt: null,
    feedUrl: 'https://wire.test/rss',
    outlet: null,
    text,
    extraData,
  });

// jsonb is not text: it reorders keys, drops insignificant whitespace, rewrites escapes and numbers.
// The chain hashes canonical JSON, which must come out the same from what was appended and from what
// jsonb gives back.
const AWKWARD_TEXTS = [
  'قُتل 242 شخصاً على الأقل، بحسب المرصد السوري لحقوق الإنسان',
  'emoji 🇸🇾 and astral 𝔸, combining e\u0301 (not NFC), NFC é',
  'quotes " \' and backslash \\ and slash / and </script>',
  'controls \u0001\u001f tab\t newline\n carriage\r line separator\u2028 paragraph\u2029 nbsp\u00a0',
  'unicode escapes in JSON: \\u0041 literally',
  '',
  'x'.repeat(100_000),
];
const AWKWARD_EXTRAS: Record<string, unknown>[] = [
  { numbers: [0, -0, 0.1, 1e21, 1e-7, 5e-324, 1.7976931348623157e308, 123456789012345680000, -42] },
  { nested: { b: [true, false, null], a: { z: 1, y: [{}, []] }, 'key with "quotes"': 'v', ключ: 'значение' } },
  { undefinedDropped: undefined, dateAsString: new Date('2024-11-28T00:00:00Z') },
];

describe('the hash chain of event_log', () => {
  let pool: Pool;
  let drop: () => Promise<void>;

  beforeEach(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    pool = createPool(database.url);
    await migrate(pool);
  });
  afterEach(async () => {
    await pool.end();
    await drop();
  });

  it('holds over what jsonb gives back: awkward strings, numbers, key orders, nesting', async () => {
    const events = [
      ...AWKWARD_TEXTS.map((text, n) => ingested(n + 1, text)),
      ...AWKWARD_EXTRAS.map((extra, n) => ingested(n + 100, 'extra fields', extra)),
    ];
    for (const event of events) await inTransaction(pool, (client) => appendEvents(client, [event]));

    const verdict = await verifyChain(pool);
    expect(verdict).toEqual({ intact: true, head: await logHead(pool), events: events.length });
  });

  it('walks a log longer than a batch, and reports the head an auditor pins', async () => {
    for (let from = 0; from < 2_500; from += 500) {
      await inTransaction(pool, (client) =>
        appendEvents(
          client,
          Array.from({ length: 500 }, (_, i) => ingested(from + i, `Text ${from + i}`)),
        ),
      );
    }
    const progress: number[] = [];
    const verdict = await verifyChain(pool, { batchSize: 1_000, onProgress: ({ checked }) => progress.push(checked) });
    const head = await auditHead(pool);

    expect(head).toEqual({ ...(await logHead(pool)), events: 2_500 });
    expect(verdict).toEqual({ intact: true, head: { position: 2_500, hash: head.hash }, events: 2_500 });
    expect(progress).toEqual([1_000, 2_000, 2_500]);
    expect(await verifyChain(pool, { expectHead: { position: 1_234, hash: 'f'.repeat(64) } })).toMatchObject({
      intact: false,
      break: { position: 1_234, kind: 'pin-mismatch' },
    });
  });

  it('calls an empty log intact, with the genesis hash as its head', async () => {
    expect(await verifyChain(pool)).toEqual({ intact: true, head: { position: 0, hash: GENESIS_HASH }, events: 0 });
    expect(await auditHead(pool)).toEqual({ position: 0, hash: GENESIS_HASH, events: 0 });
  });
});
