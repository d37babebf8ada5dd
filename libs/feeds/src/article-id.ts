import { createHash } from 'node:crypto';
import { canonicalUrl } from './canonical-url';

/**
 * What makes an item the same article from one poll to the next, or null when nothing does:
 * - a guid (RSS) or id (Atom) that is an http(s) URL, permalink or not: that URL, canonical, so
 *   the item is the same article as one that gives only that URL as its link;
 * - any other absolute URI (tag:, urn:): meant to be globally unique, taken as written;
 * - any other guid ("12345"): unique only within its feed, so scoped by the feed's URL;
 * - no guid: the item's link, canonical.
 */
export const articleIdentity = (guid: string | null, link: string | null, feedUrl: string): string | null => {
  if (guid !== null && guid.trim() !== '') {
    const trimmed = guid.trim();
    const asUrl = canonicalUrl(trimmed);
    if (asUrl !== null) return `url:${asUrl}`;
    if (/^[A-Za-z][A-Za-z\d+.-]*:\S/.test(trimmed) && URL.canParse(trimmed)) return `uri:${trimmed}`;
    return `guid:${feedUrl}\u0000${trimmed}`;
  }
  const asUrl = link === null ? null : canonicalUrl(link);
  return asUrl === null ? null : `url:${asUrl}`;
};

/** A compact, stable article id: "a_" and 24 hex digits (96 bits) of the identity's sha256. */
export const articleIdOf = (identity: string): string =>
  `a_${createHash('sha256').update(identity).digest('hex').slice(0, 24)}`;
