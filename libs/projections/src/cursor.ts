/** An opaque cursor for keyset pagination: the sort key of the last item of a page. */
export const encodeCursor = (key: readonly (string | number)[]): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

export class CursorError extends Error {
  readonly code = 'CURSOR_INVALID';
  readonly retriable = false;
}

export const decodeCursor = (cursor: string, shape: readonly ('string' | 'number')[]): (string | number)[] => {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new CursorError(`cursor: expected a cursor returned by this API, found "${cursor.slice(0, 40)}"`);
  }
  if (!Array.isArray(key) || key.length !== shape.length || key.some((part, i) => typeof part !== shape[i])) {
    throw new CursorError(`cursor: expected a cursor returned by this API, found "${cursor.slice(0, 40)}"`);
  }
  return key as (string | number)[];
};
