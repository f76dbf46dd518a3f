import { Logger } from '@nestjs/common';
import { createPrivateKey, randomUUID, X509Certificate } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig, SocleConfig, SocleError } from '@socle/core';
import { verifyIssuedBy } from './chain-verification';
import { CertificateAuthority } from './certificate-authority.entity';
import { IssuedCertificate } from './issued-certificate.entity';
import { PkiService } from './pki.service';
import { OpensslWorkspace } from '@test-support/openssl-workspace';
import { agentStyleCsr } from '@test-support/pki-fixtures';

/** Two services on two pools behave like two Socle processes sharing one database. */
describe('PkiService (PostgreSQL)', () => {
  const workspace = new OpensslWorkspace();
  let config: SocleConfig;
  let dataSources: DataSource[];
  let pki: PkiService;
  let otherProcess: PkiService;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    config = loadConfig();
    dataSources = [new DataSource(dataSourceOptions(config)), new DataSource(dataSourceOptions(config))];
    await Promise.all(dataSources.map((dataSource) => dataSource.initialize()));
    pki = new PkiService(dataSources[0], config);
    otherProcess = new PkiService(dataSources[1], config);
  });
  afterAll(async () => {
    await Promise.all(dataSources.map((dataSource) => dataSource.destroy()));
    workspace.remove();
  });

  async function enroll(service: PkiService, collectiviteId: string, commit = true) {
    const deviceId = randomUUID();
    const input = {
      collectiviteId,
      collectiviteName: 'Commune de Saint-Étienne-de-Tinée',
      deviceId,
      hardwareSerial: `SN-${deviceId.slice(0, 8)}`,
      csr: agentStyleCsr().csrPem,
    };
    const rollback = new Error('rollback');
    let issued: Awaited<ReturnType<PkiService['issueDeviceCertificate']>> | undefined;
    await dataSources[0]
      .transaction(async (manager) => {
        issued = await service.issueDeviceCertificate(manager, input);
        if (!commit) throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
    return issued!;
  }

  it('creates one root and one intermediate per collectivité, however many processes ask at once', async () => {
    const collectiviteId = randomUUID();
    const cas = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? otherProcess : pki).collectiviteCa(collectiviteId, 'Commune de Concurrence'),
      ),
    );
    expect(new Set(cas.map((ca) => ca.id)).size).toBe(1);
    expect(await dataSources[0].getRepository(CertificateAuthority).countBy({ collectiviteId })).toBe(1);
    expect(await dataSources[0].getRepository(CertificateAuthority).countBy({ kind: 'root' })).toBe(1);
    const [root, sameRoot] = await Promise.all([pki.rootCa(), otherProcess.rootCa()]);
    expect(sameRoot.id).toBe(root.id);
    workspace.file('root.pem', root.certificatePem);
    workspace.file('intermediate.pem', cas[0].certificatePem);
    expect(workspace.ok('verify', '-CAfile', 'root.pem', 'intermediate.pem')).toContain('OK');
  });

  it('stores CA keys only sealed, and another process can open them', async () => {
    const root = await pki.rootCa();
    expect(root.sealedPrivateKey).not.toContain('PRIVATE KEY');
    const collectiviteId = randomUUID();
    await pki.collectiviteCa(collectiviteId, 'Commune scellée');
    const { certificatePem } = await enroll(otherProcess, collectiviteId);
    expect(certificatePem).toContain('BEGIN CERTIFICATE');
  });

  it('records a device certificate in the caller’s transaction, and only if it commits', async () => {
    const collectiviteId = randomUUID();
    const rolledBack = await enroll(pki, collectiviteId, false);
    expect(await pki.findActiveDeviceCertificate(rolledBack.certificate.fingerprint)).toBeNull();

    const issued = await enroll(pki, collectiviteId);
    expect(issued.certificate.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(issued.caChain).toHaveLength(2);
    expect(verifyIssuedBy(issued.certificatePem, issued.caChain)).toBe(true);
    const found = await otherProcess.findActiveDeviceCertificate(issued.certificate.fingerprint.toUpperCase());
    expect(found).toMatchObject({ id: issued.certificate.id, kind: 'device', deviceId: issued.certificate.deviceId });
    const expiry = Date.parse(new X509Certificate(issued.certificatePem).validTo);
    expect(found!.notAfter.getTime()).toBe(expiry);
    expect(Math.round((expiry - Date.now()) / 86_400_000)).toBe(config.deviceCertificateDays);
  });

  it('recognises a forwarded certificate of ours, cold or warm, and nothing else', async () => {
    const issued = await enroll(pki, randomUUID());
    const coldProcess = new PkiService(dataSources[1], config);
    expect(await coldProcess.verifyForwardedCertificate(issued.certificatePem)).toBe(issued.certificate.fingerprint);
    expect(await pki.verifyForwardedCertificate(issued.certificatePem)).toBe(issued.certificate.fingerprint);
    expect(await pki.verifyForwardedCertificate(issued.caChain[0])).toBeNull();
    expect(
      await pki.verifyForwardedCertificate('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'),
    ).toBeNull();
  });

  it('revokes once, shuts the device out and publishes the serial in the next CRL', async () => {
    const issued = await enroll(pki, randomUUID());
    const before = await pki.crlPem();
    expect(
      await dataSources[0].transaction((manager) =>
        otherProcess.revoke(manager, issued.certificate.id, 'cessationOfOperation'),
      ),
    ).toBe(true);
    expect(await pki.revoke(dataSources[0].manager, issued.certificate.id, 'keyCompromise')).toBe(false);
    expect(await pki.findActiveDeviceCertificate(issued.certificate.fingerprint)).toBeNull();

    const after = await pki.crlPem();
    expect(after).not.toBe(before);
    const crls = after.match(/-----BEGIN X509 CRL-----[^-]+-----END X509 CRL-----\n/g) ?? [];
    expect(crls.length).toBe(await dataSources[0].getRepository(CertificateAuthority).count());
    const listing = crls
      .map((crl) => workspace.ok('crl', '-in', workspace.file('one.crl', crl), '-noout', '-text'))
      .find((text) => text.includes(issued.certificate.serialNumber.toUpperCase()));
    expect(listing).toMatch(/Cessation Of Operation/);
    workspace.file('bundle.pem', await pki.caBundlePem());
    for (const crl of crls)
      expect(
        workspace.ok('crl', '-in', workspace.file('one.crl', crl), '-CAfile', 'bundle.pem', '-verify', '-noout'),
      ).toContain('verify OK');
    expect(await pki.crlPem()).toBe(after);
  });

  it('refuses to revoke a certificate it never issued', async () => {
    await expect(pki.revoke(dataSources[0].manager, randomUUID(), 'unspecified')).rejects.toMatchObject({
      code: 'CERTIFICATE_NOT_FOUND',
    } as Partial<SocleError>);
  });

  it('serves the root first, then every intermediate', async () => {
    const collectiviteId = randomUUID();
    const intermediate = await pki.collectiviteCa(collectiviteId, 'Commune du bundle');
    const bundle = await otherProcess.caBundlePem();
    expect(bundle.startsWith((await pki.rootCa()).certificatePem)).toBe(true);
    expect(bundle).toContain(intermediate.certificatePem);
  });

  it('keeps the gateway certificate while its hosts stay the same, and replaces it when they change', async () => {
    const first = await pki.gatewayTlsCredentials(['gateway.test', '127.0.0.1']);
    const again = await otherProcess.gatewayTlsCredentials(['127.0.0.1', 'GATEWAY.test']);
    expect(again.certPem).toBe(first.certPem);
    expect(again.keyPem).toBe(first.keyPem);
    expect(first.caPem).toBe((await pki.rootCa()).certificatePem);
    const moved = await pki.gatewayTlsCredentials(['socle.mairie.test']);
    expect(moved.certPem).not.toBe(first.certPem);
    expect(new X509Certificate(moved.certPem).checkPrivateKey(createPrivateKey(moved.keyPem))).toBe(true);
    const stored = await dataSources[0]
      .getRepository(IssuedCertificate)
      .findOneByOrFail({ certificatePem: moved.certPem });
    expect(stored.sealedPrivateKey).not.toContain('PRIVATE KEY');
  });

  it('issues one profile-signing certificate per collectivité, however many processes ask at once, and keeps it', async () => {
    const collectiviteId = randomUUID();
    const signers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? otherProcess : pki).collectiviteSigner(collectiviteId, 'Commune de Signy'),
      ),
    );
    expect(new Set(signers.map((signer) => signer.certificatePem)).size).toBe(1);
    const [signer] = signers;
    const intermediate = await pki.collectiviteCa(collectiviteId, 'Commune de Signy');
    expect(signer.chainPems).toEqual([intermediate.certificatePem, (await pki.rootCa()).certificatePem]);
    expect(new X509Certificate(signer.certificatePem).checkPrivateKey(signer.key)).toBe(true);
    expect(verifyIssuedBy(signer.certificatePem, signer.chainPems)).toBe(true);
    const stored = await dataSources[0]
      .getRepository(IssuedCertificate)
      .findBy({ kind: 'profile_signing', issuerId: intermediate.id });
    expect(stored).toHaveLength(1);
    expect(stored[0].sealedPrivateKey).not.toContain('PRIVATE KEY');
  });
});
