import { inspect } from 'node:util';

export interface WaitForOptions {
  /** What is awaited, for the message at the deadline ("three articles"). */
  readonly what: string;
  /** Default 10 s. */
  readonly timeoutMs?: number;
  /** Pause between probes; default 50 ms. */
  readonly intervalMs?: number;
}

type Falsy = undefined | null | false | 0 | '';

/**
 * Probes until the probe returns a truthy value and returns it. A probe that throws counts as not yet.
 * At the deadline it throws, naming `what` and the last value or error the probe gave. A probe that
 * hangs does not outlast the deadline.
 */
export const waitFor = async <T>(
  probe: () => Promise<T | Falsy> | T | Falsy,
  { what, timeoutMs = 10_000, intervalMs = 50 }: WaitForOptions,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let last: { value: unknown } | { error: unknown } | null = null;
  for (;;) {
    const remainingMs = deadline - Date.now();
    if (remainingMs <= 0) break;
    try {
      const outcome = await beforeDeadline(Promise.resolve().then(probe), remainingMs);
      if (outcome.done) {
        if (outcome.value) return outcome.value;
        last = { value: outcome.value };
      }
    } catch (error) {
      last = { error };
    }
    const pauseMs = Math.min(intervalMs, deadline - Date.now());
    if (pauseMs > 0) await new Promise((wake) => setTimeout(wake, pauseMs));
  }
  const found =
    last === null
      ? 'the probe did not finish once'
      : 'error' in last
        ? `the last probe threw ${last.error instanceof Error ? `${last.error.name}: ${last.error.message}` : inspect(last.error)}`
        : `the last probe gave ${inspect(last.value, { depth: 4, breakLength: Infinity })}`;
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}: ${found}`, {
    cause: last !== null && 'error' in last ? last.error : undefined,
  });
};

const beforeDeadline = async <T>(work: Promise<T>, ms: number): Promise<{ done: true; value: T } | { done: false }> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ done: false }>((resolve) => (timer = setTimeout(() => resolve({ done: false }), ms)));
  try {
    return await Promise.race([work.then((value) => ({ done: true as const, value })), late]);
  } finally {
    clearTimeout(timer);
  }
};
