import { articleEventsFrom, articlesFrom, parseFeed } from '@sitrep/feeds';
import { readFileSync } from 'node:fs';

const url = new URL('./feed.xml', import.meta.url).toString();
const xml = readFileSync(new URL(url), 'utf8');

describe('the sample feed', () => {
  it('says it is sample text', () => {
    expect(xml).toMatch(/<description>SAMPLE TEXT written for Sitrep's demo, not real reporting/);
  });

  it('gives 6 to 8 articles from "Sitrep Sample Wire", dated 27 November to 8 December 2024', async () => {
    const articles = articlesFrom(await parseFeed(xml, url), url);

    expect(articles.length).toBeGreaterThanOrEqual(6);
    expect(articles.length).toBeLessThanOrEqual(8);
    for (const article of articles) {
      expect(article.outlet).toBe('Sitrep Sample Wire');
      expect(
        article.publishedAt! >= '2024-11-27T00:00:00.000Z' && article.publishedAt! < '2024-12-09T00:00:00.000Z',
      ).toBe(true);
      expect(article.text.length).toBeGreaterThan(100);
    }
    expect(articleEventsFrom(articles, new Map(), new Date('2024-12-08T12:00:00Z'))).toHaveLength(articles.length);
  });
});
