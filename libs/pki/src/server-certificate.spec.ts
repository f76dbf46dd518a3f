import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { connect, createServer, Server, TLSSocket } from 'node:tls';
import {
  issueDeviceCertificate,
  issueServerCertificate,
  IssuedServerCertificate,
  sameServerNames,
} from './leaf-certificates';
import { OpensslWorkspace } from '@test-support/openssl-workspace';
import { agentStyleCsr, createTestHierarchy, TestHierarchy } from '@test-support/pki-fixtures';

const HOSTNAMES = ['Gateway.Socle.Example', 'localhost', '127.0.0.1', '::1'];

describe('gateway server certificate', () => {
  const workspace = new OpensslWorkspace();
  let hierarchy: TestHierarchy;
  let server: IssuedServerCertificate;

  beforeAll(() => {
    hierarchy = createTestHierarchy();
    server = issueServerCertificate({ ca: hierarchy.rootSigner, hostnames: HOSTNAMES });
    workspace.file('root.pem', hierarchy.root.certificatePem);
    workspace.file('server.pem', server.certificatePem);
  });
  afterAll(() => workspace.remove());

  it('names every host as a DNS or IP subject alternative name, for serverAuth', () => {
    const text = workspace.ok(
      'x509',
      '-in',
      'server.pem',
      '-noout',
      '-ext',
      'subjectAltName,extendedKeyUsage,basicConstraints',
    );
    expect(text).toContain(
      'DNS:gateway.socle.example, DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1',
    );
    expect(text).toContain('TLS Web Server Authentication');
    expect(text).not.toContain('Client Authentication');
    expect(text).toContain('CA:FALSE');
    expect(server.subject).toBe('CN=gateway.socle.example,O=Socle');
  });

  it('verifies for its host names and addresses, and not for others', () => {
    const verify = (...check: string[]) =>
      workspace.run('verify', '-purpose', 'sslserver', '-CAfile', 'root.pem', ...check, 'server.pem');
    expect(verify('-verify_hostname', 'gateway.socle.example').output).toContain('server.pem: OK');
    expect(verify('-verify_ip', '::1').output).toContain('server.pem: OK');
    expect(verify('-verify_hostname', 'evil.example').status).not.toBe(0);
  });

  it('lasts 397 days and comes with its own matching private key', () => {
    const days = (server.notAfter.getTime() - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(397);
    const fromKey = createPublicKey(createPrivateKey(server.privateKeyPem)).export({ type: 'spki', format: 'der' });
    expect(
      new X509Certificate(server.certificatePem).publicKey.export({ type: 'spki', format: 'der' }).equals(fromKey),
    ).toBe(true);
  });

  it('recognises the same host list whatever its order, case or IPv6 spelling', () => {
    expect(sameServerNames(server.certificatePem, ['::1', '127.0.0.1', 'LOCALHOST', 'gateway.socle.example'])).toBe(
      true,
    );
    expect(
      sameServerNames(server.certificatePem, [
        '0:0:0:0:0:0:0:1',
        'localhost',
        'gateway.socle.example',
        '127.0.0.1',
        'localhost',
      ]),
    ).toBe(true);
    expect(sameServerNames(server.certificatePem, ['localhost', '127.0.0.1', '::1'])).toBe(false);
    expect(sameServerNames(server.certificatePem, [...HOSTNAMES, 'other.example'])).toBe(false);
    expect(sameServerNames(server.certificatePem, ['gateway.socle.example', 'localhost', '127.0.0.2', '::1'])).toBe(
      false,
    );
  });

  it('refuses to issue a certificate for no host at all', () => {
    expect(() => issueServerCertificate({ ca: hierarchy.rootSigner, hostnames: [' '] })).toThrow(
      /at least one hostname/,
    );
  });

  describe('in a mutual TLS handshake', () => {
    let tlsServer: Server;
    let port: number;

    beforeAll(async () => {
      tlsServer = createServer(
        {
          key: server.privateKeyPem,
          cert: server.certificatePem,
          ca: [hierarchy.root.certificatePem, hierarchy.intermediate.certificatePem],
          requestCert: true,
          rejectUnauthorized: true,
        },
        (socket) => socket.end((socket.getPeerCertificate().subject?.CN as string | undefined) ?? ''),
      );
      await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
      port = (tlsServer.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => tlsServer.close(() => resolve())));

    function deviceIdentity(ca = hierarchy.intermediateSigner): { key: string; cert: string } {
      const { csrPem, privateKeyPem } = agentStyleCsr();
      const issued = issueDeviceCertificate({
        ca,
        csr: csrPem,
        deviceId: 'device-in-handshake',
        collectiviteId: hierarchy.collectiviteId,
        hardwareSerial: 'TLS1',
        days: 1,
      });
      return { key: privateKeyPem, cert: issued.certificatePem };
    }

    /** What the server answered: the CN it authenticated, or nothing when it closed on us (TLS 1.3 rejects the client after the handshake). */
    function handshake(identity: { key: string; cert: string }): Promise<string> {
      return new Promise((resolve) => {
        let received = '';
        const socket: TLSSocket = connect({
          host: '127.0.0.1',
          port,
          servername: 'localhost',
          ca: hierarchy.root.certificatePem,
          ...identity,
        });
        socket.on('data', (chunk) => (received += chunk.toString()));
        socket.on('close', () => resolve(received));
        socket.on('error', () => undefined);
      });
    }

    it('lets a device with its Socle certificate in, and the device trusts the gateway', async () => {
      await expect(handshake(deviceIdentity())).resolves.toBe('device-in-handshake');
    });

    it('turns away a device whose certificate comes from another CA', async () => {
      const stranger = createTestHierarchy({ rootName: 'Stranger Root CA' });
      await expect(handshake(deviceIdentity(stranger.intermediateSigner))).resolves.toBe('');
    });
  });
});
