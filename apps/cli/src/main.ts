import { auditCommand } from './audit.command';
import { evalCommand } from './eval.command';
import { extractCommand } from './extract.command';
import { migrateCommand } from './migrate.command';
import { replayCommand } from './replay.command';
import { verifyCommand } from './verify.command';

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  extract: extractCommand,
  eval: evalCommand,
  replay: replayCommand,
  verify: verifyCommand,
  migrate: migrateCommand,
  audit: auditCommand,
};

const [name, ...args] = process.argv.slice(2);
const command = name === undefined ? undefined : COMMANDS[name];
if (command === undefined) {
  process.stderr.write(`usage: sitrep <${Object.keys(COMMANDS).join('|')}> ...\n`);
  process.exitCode = 2;
} else {
  process.exitCode = await command(args);
}
