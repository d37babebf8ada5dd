import { BadRequestException } from '@nestjs/common';

/**
 * The URL of a feed added through the API. Only http(s): a file:// URL would let an API client make
 * the server read its own files (file:// feeds are for SITREP_FEEDS, set by the operator).
 */
export const feedUrlFrom = (body: unknown): string => {
  const raw = (body as { url?: unknown } | null)?.url;
  if (typeof raw !== 'string')
    throw new BadRequestException(
      `url: expected a JSON body {"url": "https://…"}, found ${JSON.stringify(body)?.slice(0, 100)}`,
    );
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new BadRequestException(`url: expected an absolute http(s) URL, found "${raw.slice(0, 200)}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BadRequestException(`url: expected an http or https URL, found the scheme "${url.protocol}"`);
  }
  return url.toString();
};
