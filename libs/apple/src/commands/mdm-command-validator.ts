import { AppleKey, AppleSchemaFiles } from '../schema/apple-schema-files';
import { AppleKeyProblem, validateAppleKeys } from '../schema/apple-keys-validator';
import type { MdmCommand } from './mdm-commands';

/** Checks a command against `mdm/commands/*.yaml` for iPadOS: every key known, typed and available on iOS. */
export function validateMdmCommand(value: MdmCommand, specsDir: string): AppleKeyProblem[] {
  const problems: AppleKeyProblem[] = [];
  if (typeof value.CommandUUID !== 'string' || !value.CommandUUID)
    problems.push({ path: 'CommandUUID', message: 'required key missing' });
  const requestType = value.Command?.RequestType;
  const schema =
    typeof requestType === 'string' ? AppleSchemaFiles.open(specsDir).get('mdm/commands', requestType) : undefined;
  if (!schema)
    return [...problems, { path: 'Command.RequestType', message: `${String(requestType)} is not an Apple command` }];
  const requestTypeKey: AppleKey = {
    key: 'RequestType',
    type: '<string>',
    presence: 'required',
    rangelist: [requestType],
  };
  if (schema.supportedOS?.iOS?.introduced === 'n/a')
    problems.push({ path: 'Command.RequestType', message: `${requestType} is not available on iOS` });
  return [...problems, ...validateAppleKeys(value.Command, [requestTypeKey, ...schema.keys], { os: 'iOS' }, 'Command')];
}
