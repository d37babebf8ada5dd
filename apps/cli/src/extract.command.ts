import { extractFacts } from '@sitrep/extraction';
import { readArticle } from './read-article';

/** `sitrep extract FILE...`: one JSON line of facts per file; exit 1 if any file could not be read. */
export async function extractCommand(args: string[]): Promise<number> {
  if (args.length === 0) {
    process.stderr.write('usage: sitrep extract FILE...\n');
    return 2;
  }
  let exitCode = 0;
  for (const file of args) {
    try {
      const article = await readArticle(file);
      process.stdout.write(`${JSON.stringify({ file, facts: extractFacts(article) })}\n`);
    } catch (error) {
      process.stderr.write(
        `sitrep extract: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      exitCode = 1;
    }
  }
  return exitCode;
}
