import { generateKeyPairSync } from 'node:crypto';
import * as forge from 'node-forge';
import { AgentHttpError, SimulatedDevice } from '@socle/agent';
import {
  createIntermediateCa,
  createRootCa,
  issueDeviceCertificate,
  privateKeyObject,
  signCertificationRequest,
} from '@socle/pki';
import { createPack, createSchool, createTenant, issueToken, simulatedDevice, Tenant } from '../support/factories';
import { startStack, TestStack } from '../support/test-stack';
import { getText, opensslText, opensslVerify, postWithClientCertificate } from '../support/tls';

async function enrollmentError(device: SimulatedDevice, token: string): Promise<string | undefined> {
  try {
    await device.enroll(token);
    return undefined;
  } catch (error) {
    if (error instanceof AgentHttpError) return error.body?.code ?? `HTTP_${error.status}`;
    throw error;
  }
}

const HEALTHY_REPORT = {
  osVersion: '18.1',
  battery: { level: 80, charging: true, health: 95 },
  storage: { freeBytes: 1e9, totalBytes: 64e9 },
  profiles: [],
  apps: [],
};

describe('Enrollment and check-in over mTLS', () => {
  let stack: TestStack;
  let town: Tenant;
  let schoolId: string;

  beforeAll(async () => {
    stack = await startStack();
    town = await createTenant(stack);
    schoolId = (await createSchool(town.technician)).id;
  });
  afterAll(() => stack.close());

  it('enrolls a 15-tablet pack with the reference agent, and every tablet checks in with its own certificate', async () => {
    const pack = await createPack(town.technician, schoolId, 'ipados', 15);
    const token = await issueToken(town.technician, pack.id);
    expect(token.enrollUrl).toBe(`${stack.gatewayUrl}/v1/enroll?token=${encodeURIComponent(token.token)}`);
    expect(
      Buffer.from(token.qrPng.replace(/^data:image\/png;base64,/, ''), 'base64')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');

    const devices = Array.from({ length: 15 }, () => simulatedDevice(stack, 'ipados'));
    await Promise.all(devices.map((device) => device.enroll(token.token)));
    const outcomes = await Promise.all(devices.map((device) => device.checkIn()));
    expect(outcomes.every((outcome) => outcome.checkinIntervalSeconds === stack.config.checkinIntervalSeconds)).toBe(
      true,
    );
    expect(outcomes.every((outcome) => Array.isArray(outcome.commands))).toBe(true);

    const detail = await town.technician.get(`/api/v1/packs/${pack.id}`);
    expect(detail.body.enrolledCount).toBe(15);
    expect(detail.body.devices.map((device: { positionInPack: number }) => device.positionInPack)).toEqual(
      Array.from({ length: 15 }, (_, index) => index + 1),
    );
    const byId = new Map(detail.body.devices.map((device: any) => [device.id, device]));
    for (const device of devices) {
      const stored: any = byId.get(device.deviceId!);
      expect(stored.state).toBe('active');
      expect(stored.serialNumber).toBe(device.serialNumber);
      expect(stored.batteryLevel).toBe(device.health.battery.level);
      expect(stored.storageTotalBytes).toBe(device.health.storage.totalBytes);
      expect(new Date(stored.lastCheckinAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    }
  });

  it('issues certificates that openssl accepts, naming the device and its collectivité, for client authentication', async () => {
    const pack = await createPack(town.technician, schoolId, 'android', 10);
    const device = simulatedDevice(stack, 'android');
    const answer = await device.enroll((await issueToken(town.technician, pack.id)).token);
    const [intermediate, root] = answer.caChain;
    expect(root).toBe(stack.rootCaPem);
    expect(opensslVerify(answer.certificate, root, intermediate)).toContain('OK');
    const text = opensslText(answer.certificate);
    expect(text).toContain(`CN = ${answer.deviceId}`);
    expect(text).toContain(`OU = ${town.collectiviteId}`);
    expect(text).toMatch(/TLS Web Client Authentication/);
    expect(text).toContain(`URI:urn:socle:device:${answer.deviceId}`);
    const certificate = forge.pki.certificateFromPem(answer.certificate);
    const days = (certificate.validity.notAfter.getTime() - certificate.validity.notBefore.getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(stack.config.deviceCertificateDays);
  });

  it('gives exactly 15 devices and 5 PACK_FULL when 20 tablets race for a 15-pack', async () => {
    const pack = await createPack(town.technician, schoolId, 'ipados', 15);
    const token = await issueToken(town.technician, pack.id, { maxUses: 30 });
    const devices = Array.from({ length: 20 }, () => simulatedDevice(stack, 'ipados'));
    const results = await Promise.all(devices.map((device) => enrollmentError(device, token.token)));
    expect(results.filter((code) => code === undefined)).toHaveLength(15);
    expect(results.filter((code) => code === 'PACK_FULL')).toHaveLength(5);
    const [{ count, positions }] = await stack.dataSource.query(
      'SELECT count(*)::int AS count, array_agg(position_in_pack ORDER BY position_in_pack) AS positions FROM devices WHERE pack_id = $1',
      [pack.id],
    );
    expect(count).toBe(15);
    expect(positions).toEqual(Array.from({ length: 15 }, (_, index) => index + 1));
    const [{ use_count }] = await stack.dataSource.query('SELECT use_count FROM enrollment_tokens WHERE id = $1', [
      token.id,
    ]);
    expect(use_count).toBe(15);
  });

  it('refuses an Android tablet in an iPadOS pack with PACK_OS_MISMATCH, and spends no token use', async () => {
    const pack = await createPack(town.technician, schoolId, 'ipados', 10);
    const token = await issueToken(town.technician, pack.id, { maxUses: 1 });
    expect(await enrollmentError(simulatedDevice(stack, 'android'), token.token)).toBe('PACK_OS_MISMATCH');
    expect(await enrollmentError(simulatedDevice(stack, 'ipados'), token.token)).toBeUndefined();
  });

  it('tells unknown, revoked, expired and exhausted tokens apart', async () => {
    const pack = await createPack(town.technician, schoolId, 'ipados', 10);
    expect(await enrollmentError(simulatedDevice(stack), 'x'.repeat(43))).toBe('TOKEN_INVALID');

    const expired = await issueToken(town.technician, pack.id);
    await stack.dataSource.query(
      `UPDATE enrollment_tokens SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [expired.id],
    );
    expect(await enrollmentError(simulatedDevice(stack), expired.token)).toBe('TOKEN_EXPIRED');

    const single = await issueToken(town.technician, pack.id, { maxUses: 1 });
    expect(await enrollmentError(simulatedDevice(stack), single.token)).toBeUndefined();
    expect(await enrollmentError(simulatedDevice(stack), single.token)).toBe('TOKEN_EXHAUSTED');

    const revoked = await issueToken(town.technician, pack.id);
    expect((await town.technician.delete(`/api/v1/packs/${pack.id}/enrollment-tokens/${revoked.id}`)).status).toBe(204);
    expect(await enrollmentError(simulatedDevice(stack), revoked.token)).toBe('TOKEN_INVALID');
  });

  it('keeps only a hash of the token and shows it once', async () => {
    const pack = await createPack(town.technician, schoolId, 'ipados', 10);
    const token = await issueToken(town.technician, pack.id);
    const rows = await stack.dataSource.query(
      'SELECT to_jsonb(t)::text AS row FROM enrollment_tokens t WHERE id = $1',
      [token.id],
    );
    expect(rows[0].row).not.toContain(token.token);
    const listed = await town.technician.get(`/api/v1/packs/${pack.id}/enrollment-tokens`);
    expect(JSON.stringify(listed.body)).not.toContain(token.token);
    expect(listed.body.items[0]).not.toHaveProperty('tokenHash');
  });

  it('answers a garbage or tampered CSR with 400 CSR_INVALID and writes nothing', async () => {
    const pack = await createPack(town.technician, schoolId, 'ipados', 10);
    const token = await issueToken(town.technician, pack.id);
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const csr = forge.pki.createCertificationRequest();
    csr.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
    csr.setSubject([{ name: 'commonName', value: 'tablette' }]);
    signCertificationRequest(csr, privateKey);
    const other = forge.pki.createCertificationRequest();
    other.publicKey = forge.pki.publicKeyFromPem(
      generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    );
    other.setSubject([{ name: 'commonName', value: 'tablette' }]);
    (other as any).signature = (csr as any).signature; // a key that did not sign the request
    other.signatureOid = csr.signatureOid;
    (other as any).siginfo = (csr as any).siginfo;
    const garbage = [
      '-----BEGIN CERTIFICATE REQUEST-----\n' + 'A'.repeat(200) + '\n-----END CERTIFICATE REQUEST-----',
      'x'.repeat(500),
      stack.rootCaPem,
      forge.pki.certificationRequestToPem(other),
    ];
    for (const bad of garbage) {
      const answer = await postWithClientCertificate(
        `${stack.gatewayUrl}/v1/enroll`,
        { token: token.token, csr: bad, serialNumber: 'GARBAGE-1', osFamily: 'ipados', deviceKind: 'tablet' },
        { ca: stack.rootCaPem },
      );
      expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 400, code: 'CSR_INVALID' });
    }
    const [{ use_count }] = await stack.dataSource.query('SELECT use_count FROM enrollment_tokens WHERE id = $1', [
      token.id,
    ]);
    expect(use_count).toBe(0);
    expect(await stack.dataSource.query(`SELECT 1 FROM devices WHERE serial_number = 'GARBAGE-1'`)).toHaveLength(0);
  });

  it('refuses a device that enrolls twice, and lets an imported serial enroll into its record', async () => {
    const pack = await createPack(town.technician, schoolId, 'ipados', 10);
    const token = await issueToken(town.technician, pack.id);
    const serial = `IMPORTED-${Date.now()}`;
    const csv = `serialNumber,model,osFamily,deviceKind,purchaseDate,warrantyEnd,supplier,maintenanceMode,refurbished\n${serial},iPad 10.9,ipados,tablet,2025-09-01,2028-09-01,UGAP,warranty_extension,non\n`;
    expect((await town.technician.post('/api/v1/devices/import', csv, 'text/csv')).body).toMatchObject({
      created: 1,
      updated: 0,
    });
    const [imported] = await stack.dataSource.query('SELECT id FROM devices WHERE serial_number = $1', [serial]);
    const device = simulatedDevice(stack, 'ipados', serial);
    const answer = await device.enroll(token.token);
    expect(answer.deviceId).toBe(imported.id);
    const stored = (await town.technician.get(`/api/v1/devices/${imported.id}`)).body;
    expect(stored).toMatchObject({ state: 'enrolled', packId: pack.id, supplier: 'UGAP', warrantyEnd: '2028-09-01' });
    expect(await enrollmentError(simulatedDevice(stack, 'ipados', serial), token.token)).toBe(
      'DEVICE_ALREADY_ENROLLED',
    );
  });

  describe('the gateway refuses certificates it should not trust', () => {
    let pack: { id: string };
    beforeAll(async () => {
      pack = await createPack(town.technician, schoolId, 'ipados', 10);
    });

    it('answers 401 CERTIFICATE_REQUIRED without a client certificate', async () => {
      const answer = await postWithClientCertificate(`${stack.gatewayUrl}/v1/checkin`, HEALTHY_REPORT, {
        ca: stack.rootCaPem,
      });
      expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 401, code: 'CERTIFICATE_REQUIRED' });
    });

    it('answers 401 to a certificate signed by another CA, even with the same subject', async () => {
      const device = simulatedDevice(stack);
      await device.enroll((await issueToken(town.technician, pack.id)).token);
      const foreignRoot = createRootCa({ commonName: 'Socle Root CA' });
      const foreignCa = createIntermediateCa(
        { certificatePem: foreignRoot.certificatePem, key: privateKeyObject(foreignRoot.privateKeyPem) },
        { collectiviteId: town.collectiviteId, name: 'Faux' },
      );
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const csr = forge.pki.createCertificationRequest();
      csr.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
      signCertificationRequest(csr, privateKey);
      const forged = issueDeviceCertificate({
        ca: { certificatePem: foreignCa.certificatePem, key: privateKeyObject(foreignCa.privateKeyPem) },
        csr: forge.pki.certificationRequestToPem(csr),
        deviceId: device.deviceId!,
        collectiviteId: town.collectiviteId,
        hardwareSerial: device.serialNumber,
        days: 30,
      });
      const answer = await postWithClientCertificate(`${stack.gatewayUrl}/v1/checkin`, HEALTHY_REPORT, {
        ca: stack.rootCaPem,
        cert: forged.certificatePem + foreignCa.certificatePem,
        key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      });
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe('CERTIFICATE_REJECTED');
    });

    it('answers 401 once the certificate is revoked, and lists it in the CRL', async () => {
      const device = simulatedDevice(stack);
      await device.enroll((await issueToken(town.technician, pack.id)).token);
      await expect(device.checkIn()).resolves.toBeDefined();
      const [certificate] = await stack.dataSource.query(
        `UPDATE issued_certificates SET revoked_at = now(), revocation_reason = 'cessationOfOperation' WHERE device_id = $1 RETURNING serial_number`,
        [device.deviceId],
      );
      const refused = await device.checkIn().then(
        () => undefined,
        (error: AgentHttpError) => error,
      );
      expect(refused).toBeInstanceOf(AgentHttpError);
      expect((refused as AgentHttpError).status).toBe(401);
      const crl = await getText(`${stack.gatewayUrl}/v1/crl.pem`, stack.rootCaPem);
      const listed = crl
        .split(/(?=-----BEGIN X509 CRL-----)/)
        .map((pem) => opensslText(pem, 'crl'))
        .join('\n');
      // TypeORM answers an UPDATE … RETURNING with [rows, count].
      expect(listed.toUpperCase().replace(/:/g, '')).toContain(certificate[0].serial_number.toUpperCase());
    });

    it('answers a garbage check-in body with 400 VALIDATION_FAILED', async () => {
      const device = simulatedDevice(stack);
      await device.enroll((await issueToken(town.technician, pack.id)).token);
      const identity = device.identity!;
      for (const body of [
        { battery: { level: 150, charging: 'oui' } },
        { storage: { freeBytes: -1, totalBytes: 0 } },
        { profiles: 'all' },
        { unexpected: 1 },
      ]) {
        const answer = await postWithClientCertificate(`${stack.gatewayUrl}/v1/checkin`, body, {
          ca: stack.rootCaPem,
          cert: identity.certificatePem + identity.caChainPems[0],
          key: identity.privateKeyPem,
        });
        expect({ body, status: answer.status, code: answer.body.code }).toEqual({
          body,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
    });
  });
});
