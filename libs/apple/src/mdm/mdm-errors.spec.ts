import { AppleSchemaFiles } from '../schema/apple-schema-files';
import { validateAppleKeys } from '../schema/apple-keys-validator';
import { describeWithAppleSpecs } from '../testing/apple-specs-dir';
import { unrecognizedDeviceResponse } from './mdm-errors';

describeWithAppleSpecs('ErrorUnrecognizedDevice', (specsDir) => {
  it("is a 403 whose JSON body validates against Apple's mdm/errors schema", () => {
    const response = unrecognizedDeviceResponse();
    expect(response).toMatchObject({ status: 403, contentType: 'application/json' });
    const schema = AppleSchemaFiles.open(specsDir).required('mdm/errors', 'unrecognized.device');
    expect(validateAppleKeys(JSON.parse(response.body), schema.keys, { os: 'iOS' })).toEqual([]);
    expect(JSON.parse(response.body).code).toBe('com.apple.unrecognized.device');
  });
});
