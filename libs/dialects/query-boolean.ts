import { Transform } from 'class-transformer';

/**
 * `true`/`false` in a query string become booleans; anything else stays as sent, so that a following `@IsBoolean()`
 * refuses it with a 400 naming the parameter (rather than `yes` or `1` being read as true or ignored).
 */
export const QueryBoolean = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
