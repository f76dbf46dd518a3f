import * as forge from 'node-forge';
import { createCsr, createKeyAndCsr, generateDeviceKeyPair } from './device-identity';

const parsed = (csrPem: string) => forge.pki.certificationRequestFromPem(csrPem);
const publicKeyOf = (csrPem: string) => forge.pki.publicKeyToPem(parsed(csrPem).publicKey as forge.pki.PublicKey);

describe('device keys and CSRs', () => {
  it('reuses a given key: one CSR per serial, each signed and naming its own serial', async () => {
    const keyPair = await generateDeviceKeyPair();
    const [first, second] = await Promise.all([
      createKeyAndCsr('SIM-0001', keyPair),
      createKeyAndCsr('SIM-0002', keyPair),
    ]);
    expect(first.privateKeyPem).toBe(keyPair.privateKeyPem);
    expect(second.privateKeyPem).toBe(keyPair.privateKeyPem);
    expect(publicKeyOf(first.csrPem)).toBe(publicKeyOf(second.csrPem));
    for (const [csrPem, serial] of [
      [first.csrPem, 'SIM-0001'],
      [second.csrPem, 'SIM-0002'],
    ]) {
      expect(parsed(csrPem).verify()).toBe(true);
      expect(parsed(csrPem).subject.getField('CN').value).toBe(serial);
    }
  });

  it('generates a fresh key per device when none is given', async () => {
    const [first, second] = await Promise.all([createKeyAndCsr('SIM-A'), createKeyAndCsr('SIM-B')]);
    expect(first.privateKeyPem).not.toBe(second.privateKeyPem);
    expect(publicKeyOf(first.csrPem)).not.toBe(publicKeyOf(second.csrPem));
  });

  it('puts the public half of the given private key in the CSR', async () => {
    const keyPair = await generateDeviceKeyPair();
    const privateKey = forge.pki.privateKeyFromPem(keyPair.privateKeyPem) as forge.pki.rsa.PrivateKey;
    const csrKey = parsed(createCsr('SIM-X', keyPair.privateKeyPem)).publicKey as forge.pki.rsa.PublicKey;
    expect(csrKey.n.equals(privateKey.n)).toBe(true);
  });
});
