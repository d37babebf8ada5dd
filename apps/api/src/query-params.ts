import { BadRequestException } from '@nestjs/common';

const invalid = (name: string, expected: string, found: unknown): BadRequestException =>
  new BadRequestException(`${name}: expected ${expected}, found ${JSON.stringify(found)}`);

/** An optional integer query parameter within bounds; a value that is not one is a 400 naming it. */
export const integerParam = (
  name: string,
  raw: unknown,
  { min, max, fallback }: { min: number; max: number; fallback: number },
): number => {
  if (raw === undefined || raw === '') return fallback;
  const value = typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max)
    throw invalid(name, `an integer from ${min} to ${max}`, raw);
  return value;
};

export const optionalStringParam = (name: string, raw: unknown, maxLength = 2_000): string | null => {
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string' || raw.length > maxLength)
    throw invalid(name, `a string of at most ${maxLength} characters`, raw);
  return raw;
};

export const timeParam = (name: string, raw: unknown): string | null => {
  if (raw === undefined || raw === '') return null;
  if (
    typeof raw !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw) ||
    Number.isNaN(Date.parse(raw))
  ) {
    throw invalid(name, 'an ISO-8601 date or time such as 2024-11-28T23:59:59Z', raw);
  }
  return new Date(raw).toISOString();
};

/** An optional query parameter that must be one of `allowed`; anything else is a 400 naming it and the choices. */
export const oneOfParam = <T extends string>(name: string, raw: unknown, allowed: readonly T[]): T | null => {
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string' || !(allowed as readonly string[]).includes(raw))
    throw invalid(name, `one of ${allowed.join(', ')}`, raw);
  return raw as T;
};

/** A query parameter the route cannot do without. */
export const requiredParam = <T>(name: string, raw: unknown, read: (name: string, raw: unknown) => T | null): T => {
  const value = read(name, raw);
  if (value === null) throw new BadRequestException(`${name}: expected a value, found none`);
  return value;
};
