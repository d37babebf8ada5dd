/**
 * The form of an http(s) URL under which one article is known whatever link led to it: host in
 * lower case (the URL parser does that, and drops a default port), no fragment, no utm_* tracking
 * parameters, no trailing slash on the path. Null for anything that is not an absolute http(s) URL.
 */
export const canonicalUrl = (url: string): string | null => {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.hash = '';
  // Filtered as raw text: going through URLSearchParams would re-encode the parameters it keeps.
  const kept = parsed.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !/^utm_/i.test(pair));
  parsed.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  if (parsed.pathname.length > 1) parsed.pathname = parsed.pathname.replace(/\/+$/, '') || '/';
  return parsed.toString();
};
