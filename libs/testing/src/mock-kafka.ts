import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { Socket } from 'node:net';

// Also loaded by jest's globalSetup, which runs as CommonJS outside jest's runtime: no import.meta here.

export interface MockKafka {
  /** host:port of the mock cluster's bootstrap broker, for KAFKA_BROKERS. */
  readonly brokers: string;
  /** Freezes the cluster (SIGSTOP): connections stay open, requests time out, nothing is lost. */
  pause(): void;
  /** Lets a paused cluster go on where it stopped (SIGCONT). */
  resume(): void;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * Starts librdkafka's mock cluster (one broker; topics auto-created with 4 partitions) inside a kcat
 * producer whose stdin stays open: the cluster lives as long as that process. It speaks the Kafka
 * protocol well enough for kafkajs to produce, consume and commit, but it cannot create topics through
 * the admin API or run an idempotent producer.
 */
export const startMockKafka = (): Promise<MockKafka> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      'kcat',
      ['-b', 'localhost:1', '-X', 'test.mock.num.brokers=1', '-P', '-t', uniqueName('mock-warmup')],
      {
        stdio: ['pipe', 'ignore', 'pipe'],
      },
    );
    let output = '';
    let started = false;
    let paused = false;
    const killOnExit = () => child.kill('SIGKILL');
    const exited = new Promise<void>((done) => child.once('close', () => done()));

    const fail = (error: Error) => {
      clearTimeout(timer);
      killOnExit();
      reject(error);
    };
    const timer = setTimeout(
      () =>
        fail(
          new Error(
            `KAFKA_MOCK_FAILED: expected kcat to report the mock cluster's address within ${START_TIMEOUT_MS} ms, found:\n${output}`,
          ),
        ),
      START_TIMEOUT_MS,
    );
    child.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        error.code === 'ENOENT'
          ? new Error(
              "KAFKA_MOCK_UNAVAILABLE: expected kcat on PATH to run librdkafka's mock Kafka cluster, found none; " +
                'install it with: apt-get install -y kcat (or set KAFKA_BROKERS to a real broker)',
            )
          : error,
      ),
    );
    child.once('exit', (code, signal) => {
      process.off('exit', killOnExit);
      if (!started)
        fail(
          new Error(`KAFKA_MOCK_FAILED: kcat exited with ${code ?? signal} before the mock cluster was up:\n${output}`),
        );
    });
    // The pipe is read to the end, or kcat would block once it fills.
    child.stderr.on('data', (chunk: Buffer) => {
      if (started) return;
      output += chunk.toString('utf8');
      // "Mock cluster enabled: original bootstrap.servers … replaced with 127.0.0.1:PORT" (notice level), or
      // with -d mock: "Mock cluster … bootstrap.servers=127.0.0.1:PORT".
      const address =
        /replaced with (\S+)/.exec(output)?.[1] ?? /Mock cluster \S+ bootstrap\.servers=(\S+)/.exec(output)?.[1];
      if (!address) return;
      started = true;
      clearTimeout(timer);
      resolve({
        brokers: address,
        pause() {
          paused = true;
          child.kill('SIGSTOP');
          untilStopped(child.pid);
        },
        resume() {
          paused = false;
          child.kill('SIGCONT');
        },
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          if (paused) child.kill('SIGCONT');
          child.stdin.end();
          const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
          await exited;
          clearTimeout(timer);
        },
      });
    });
    process.on('exit', killOnExit);
    // Neither the cluster nor its pipes keep this process alive; the exit hook ends the cluster with it.
    child.unref();
    (child.stdin as unknown as Socket).unref();
    (child.stderr as unknown as Socket).unref();
  });

/**
 * SIGSTOP takes effect asynchronously, and a produce on an open connection is answered within
 * microseconds: without waiting, the "paused" cluster can still answer the next request. Waits
 * (synchronously, as pause() is) until every thread of the process shows state T in /proc.
 */
const untilStopped = (pid: number | undefined): void => {
  if (pid === undefined) return;
  const deadline = Date.now() + 2_000;
  const stopped = (): boolean => {
    try {
      return readdirSync(`/proc/${pid}/task`).every((task) => {
        const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
        return /^[Tt]$/.test(stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3));
      });
    } catch (error) {
      // No /proc (not Linux) or the process is gone: nothing to wait for.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
      throw error;
    }
  };
  while (!stopped()) {
    if (Date.now() > deadline)
      throw new Error(`KAFKA_MOCK_FAILED: expected kcat ${pid} to stop on SIGSTOP within 2 s, found it running`);
  }
};

/** A name no other test uses, for topics and consumer groups: `${prefix}-<time>-<random>`. */
export const uniqueName = (prefix: string): string =>
  `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
