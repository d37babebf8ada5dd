import { readFile } from 'node:fs/promises';
import type { GoldFact } from '@sitrep/extraction';

export interface ArticleFile {
  title: string;
  text: string;
  publishedAt: string | null;
  facts: GoldFact[] | undefined;
}

/**
 * An article file: JSON shaped like the corpus (`title`, `text`, `published`, optional `facts`), or
 * plain text, which is all body.
 */
export async function readArticle(file: string): Promise<ArticleFile> {
  const content = await readFile(file, 'utf8');
  if (!file.endsWith('.json')) return { title: '', text: content, publishedAt: null, facts: undefined };
  const data = JSON.parse(content) as Record<string, unknown>;
  const text = data['text'];
  if (typeof text !== 'string') throw new Error(`${file}: expected a string "text", found ${typeof text}`);
  const title = typeof data['title'] === 'string' ? data['title'] : '';
  const published = data['published'] ?? data['publishedAt'];
  return {
    title,
    text,
    publishedAt: typeof published === 'string' ? published : null,
    facts: Array.isArray(data['facts']) ? (data['facts'] as GoldFact[]) : undefined,
  };
}
