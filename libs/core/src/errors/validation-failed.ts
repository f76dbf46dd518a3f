import { HttpStatus, ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';
import { SocleError } from './socle-error';
import { CoreErrorCode } from '../core-error-codes';

export interface FieldProblem {
  field: string;
  problems: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export function validationFailed(fields: FieldProblem[]): SocleError {
  const names = fields.map((field) => field.field).join(', ');
  return new SocleError(
    HttpStatus.BAD_REQUEST,
    CoreErrorCode.ValidationFailed,
    `La requête est invalide (${names}) : corrigez ces champs et réessayez.`,
    { fields },
  );
}

/** Unknown fields are refused (no mass assignment of collectiviteId or role), and every failure says which field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}

/** `@Param('id', ParseId)`: a malformed id is a 400 VALIDATION_FAILED like any other bad field. */
export const ParseId = new ParseUUIDPipe({
  exceptionFactory: () => validationFailed([{ field: 'id', problems: ['id must be a UUID'] }]),
});
