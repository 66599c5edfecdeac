import { registerDecorator, ValidateIf, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** A real calendar date written `YYYY-MM-DD` (Postgres would reject 2021-02-30 with a 500 otherwise). */
function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^[1-9]\d{3}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function IsPm3Date(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPm3Date',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a date in YYYY-MM-DD format`, ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
}

/** The confirmation field must repeat another field; one without the other is an error too. */
export function MatchesField(other: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'matchesField',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [other],
      options: { message: `${String(propertyName)} must be the same as ${other}`, ...options },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => value === (args.object as Record<string, unknown>)[other],
      },
    });
}

/**
 * Like @IsOptional(), but only an absent field is skipped: an explicit null is validated (and
 * rejected) instead of reaching a NOT NULL column.
 */
export function Absentable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
