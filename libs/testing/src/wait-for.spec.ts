import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('returns the first truthy value the probe gives', async () => {
    let calls = 0;
    const value = await waitFor(async () => (++calls >= 3 ? { calls } : undefined), {
      what: 'a third call',
      intervalMs: 1,
    });

    expect(value).toEqual({ calls: 3 });
  });

  it('names what it waited for and the last value at the deadline', async () => {
    await expect(waitFor(async () => 0, { what: 'a count above zero', timeoutMs: 50, intervalMs: 5 })).rejects.toThrow(
      'timed out after 50 ms waiting for a count above zero: the last probe gave 0',
    );
  });

  it('treats a throwing probe as not yet, and reports its last error', async () => {
    let calls = 0;
    const probe = async () => {
      calls += 1;
      throw new Error(`refused #${calls}`);
    };

    await expect(waitFor(probe, { what: 'a connection', timeoutMs: 50, intervalMs: 5 })).rejects.toThrow(
      /waiting for a connection: the last probe threw Error: refused #\d+/,
    );
    expect(calls).toBeGreaterThan(1);
  });

  it('does not let a probe that never settles outlast the deadline', async () => {
    const started = Date.now();
    await expect(
      waitFor(() => new Promise<boolean>(() => undefined), { what: 'a reply', timeoutMs: 50 }),
    ).rejects.toThrow('waiting for a reply: the probe did not finish once');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
