import { AppleSchemaFiles } from '../schema/apple-schema-files';
import { AppleKeyProblem, validateAppleKeys } from '../schema/apple-keys-validator';
import type { Declaration } from './declarations';

/** Checks a declaration against `declarationbase.yaml` and its type's schema, for iOS. */
export function validateDeclaration(value: Declaration, specsDir: string): AppleKeyProblem[] {
  const schemas = AppleSchemaFiles.open(specsDir);
  const base = schemas.required('declarative/declarations', 'any');
  const problems = validateAppleKeys(value, base.keys, { os: 'iOS' });
  const schema = schemas.get('declarative/declarations', value.Type);
  if (!schema) return [...problems, { path: 'Type', message: `${value.Type} is not an Apple declaration` }];
  if (schema.supportedOS?.iOS?.introduced === 'n/a')
    problems.push({ path: 'Type', message: `${value.Type} is not available on iOS` });
  return [...problems, ...validateAppleKeys(value.Payload, schema.keys, { os: 'iOS' }, 'Payload')];
}

/** Checks a protocol message the server sends (TokensResponse, DeclarationItemsResponse). */
export function validateDdmResponse(
  name: 'TokensResponse' | 'DeclarationItemsResponse',
  value: unknown,
  specsDir: string,
): AppleKeyProblem[] {
  return validateAppleKeys(value, AppleSchemaFiles.open(specsDir).required('declarative/protocol', name).keys, {
    os: 'iOS',
  });
}
