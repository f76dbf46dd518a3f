import { createPublicKey, KeyObject, randomBytes, X509Certificate } from 'node:crypto';
import { certificateDer, certificatesDerOf, toPem } from '../cms/asn1-glue';
import { ContentCipher, EnvelopeError, openEnvelope, sealEnvelope } from '../cms/enveloped-data';
import { degenerateCertificates } from '../cms/signed-data';
import { readScepCsr, ScepCsr } from './scep-csr';
import { buildCertRep, readScepRequest, ScepRequestMessage } from './scep-message';
import { ScepFailInfo } from './scep-protocol';

export interface ScepIssueRequest {
  csr: ScepCsr;
  /** From the request's challengePassword attribute: the one-time enrollment challenge. */
  challengePassword?: string;
  transactionId: string;
  messageType: 'PKCSReq' | 'RenewalReq';
  /** RenewalReq only: the still-valid certificate (issued by this CA) the device signed the request with. */
  renewalCertificatePem?: string;
}

export type ScepIssueResult = { certificatePem: string } | { failInfo: ScepFailInfo; reason?: string };

/**
 * Decides and issues. Throwing means "cannot decide now" (database down…): the client gets an HTTP
 * 500 and retries, rather than a FAILURE CertRep that would end its enrollment.
 */
export type ScepIssuer = (request: ScepIssueRequest) => Promise<ScepIssueResult> | ScepIssueResult;

export interface ScepKeyPair {
  certificatePem: string;
  key: KeyObject;
}

export interface ScepServerOptions {
  /** The collectivité's issuing CA. */
  ca: ScepKeyPair;
  /**
   * A registration authority certificate (keyEncipherment, digitalSignature) that decrypts requests
   * and signs CertReps instead of the CA key, for clients that insist on key usages a CA lacks.
   */
  ra?: ScepKeyPair;
  /** Sent after the CA in GetCACert (e.g. the root), making it a certificate chain. */
  chainPems?: string[];
  issuer: ScepIssuer;
  /** How far a request's signingTime may lie from the server's clock before badTime. Default 24 h: tablets' clocks drift. */
  clockSkewMs?: number;
  now?: () => Date;
  /** Called with why a request failed, for the logs (the client only sees a failInfo). */
  onFailure?: (event: { transactionId: string; failInfo: ScepFailInfo; reason: string }) => void;
}

export interface ScepCaCertificates {
  contentType: 'application/x-x509-ca-cert' | 'application/x-x509-ca-ra-cert';
  body: Buffer;
}

/** What this server does; SCEPStandard (RFC 8894) already implies AES, SHA-256 and POSTPKIOperation. */
export const SCEP_CAPABILITIES = ['POSTPKIOperation', 'SHA-256', 'AES', 'SCEPStandard', 'Renewal'] as const;

const DEFAULT_CLOCK_SKEW_MS = 24 * 3600_000;

/**
 * The SCEP operations (RFC 8894) on bytes, independent of any HTTP framework: GetCACaps,
 * GetCACert and PKIOperation (PKCSReq and RenewalReq; PENDING is never answered).
 */
export class ScepServer {
  private readonly caDer: Buffer;
  private readonly operatorDer: Buffer;
  private readonly operatorKey: KeyObject;

  constructor(private readonly options: ScepServerOptions) {
    const [caDer] = certificatesDerOf(options.ca.certificatePem);
    if (!caDer) throw new Error('ScepServer needs the CA certificate as PEM');
    this.caDer = caDer;
    const operator = options.ra ?? options.ca;
    const [operatorDer] = certificatesDerOf(operator.certificatePem);
    if (!operatorDer) throw new Error('ScepServer needs the RA certificate as PEM');
    this.operatorDer = operatorDer;
    this.operatorKey = operator.key;
  }

  capabilities(): string {
    return SCEP_CAPABILITIES.join('\n');
  }

  caCertificates(): ScepCaCertificates {
    const chain = (this.options.chainPems ?? []).flatMap(certificatesDerOf);
    const all = [...(this.options.ra ? [this.operatorDer] : []), this.caDer, ...chain];
    if (all.length === 1) return { contentType: 'application/x-x509-ca-cert', body: this.caDer };
    return { contentType: 'application/x-x509-ca-ra-cert', body: degenerateCertificates(all) };
  }

  /** A CertRep for any readable request; throws UnreadableScepMessage when there is nothing to answer to. */
  async pkiOperation(der: Buffer): Promise<Buffer> {
    const request = await readScepRequest(der);
    const outcome = await this.decide(request);
    const signer = { certificateDer: this.operatorDer, key: this.operatorKey };
    if ('failInfo' in outcome) {
      this.options.onFailure?.({ transactionId: request.transactionId, ...outcome });
      return buildCertRep(request, { status: 'FAILURE', failInfo: outcome.failInfo }, signer, randomBytes(16));
    }
    const envelope = sealEnvelope(
      degenerateCertificates([outcome.certificateDer]),
      certificateDer(request.signerCertificate!),
      outcome.cipher,
    );
    return buildCertRep(
      request,
      { status: 'SUCCESS', envelope, issuedCertificateDer: outcome.certificateDer },
      signer,
      randomBytes(16),
    );
  }

  private async decide(
    request: ScepRequestMessage,
  ): Promise<{ certificateDer: Buffer; cipher: ContentCipher } | { failInfo: ScepFailInfo; reason: string }> {
    if (request.messageType !== 'PKCSReq' && request.messageType !== 'RenewalReq')
      return { failInfo: 'badRequest', reason: `${request.messageType} is not supported` };
    if (!request.signatureValid || !request.signerCertificate)
      return {
        failInfo: 'badMessageCheck',
        reason: `signature: ${request.signatureProblem ?? 'no signer certificate'}`,
      };
    const now = (this.options.now ?? (() => new Date()))();
    const skew = this.options.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS;
    if (request.signingTime && Math.abs(request.signingTime.getTime() - now.getTime()) > skew)
      return { failInfo: 'badTime', reason: `signingTime ${request.signingTime.toISOString()} is too far from now` };
    if (!request.envelope) return { failInfo: 'badRequest', reason: 'the message carries no envelope' };
    let opened: ReturnType<typeof openEnvelope>;
    try {
      opened = openEnvelope(request.envelope, [{ certificateDer: this.operatorDer, key: this.operatorKey }]);
    } catch (error) {
      if (!(error instanceof EnvelopeError)) throw error;
      return { failInfo: error.unsupportedAlgorithm ? 'badAlg' : 'badMessageCheck', reason: error.message };
    }
    let csr: ScepCsr;
    try {
      csr = await readScepCsr(opened.content);
    } catch (error) {
      return { failInfo: 'badRequest', reason: `the envelope holds no valid PKCS#10 (${(error as Error).message})` };
    }
    const signer = new X509Certificate(certificateDer(request.signerCertificate));
    let renewalCertificatePem: string | undefined;
    if (request.messageType === 'PKCSReq') {
      // The self-signed certificate must hold the key being certified: the reply is encrypted to it.
      if (!signer.publicKey.equals(createPublicKey({ key: csr.publicKeyDer, format: 'der', type: 'spki' })))
        return { failInfo: 'badMessageCheck', reason: 'the signer certificate does not hold the requested key' };
    } else {
      const ca = new X509Certificate(this.caDer);
      const valid = new Date(signer.validFrom) <= now && now <= new Date(signer.validTo);
      if (!signer.checkIssued(ca) || !signer.verify(ca.publicKey) || !valid)
        return { failInfo: 'badCertId', reason: 'a renewal must be signed with a valid certificate of this CA' };
      renewalCertificatePem = toPem('CERTIFICATE', signer.raw);
    }
    const result = await this.options.issuer({
      csr,
      challengePassword: csr.challengePassword,
      transactionId: request.transactionId,
      messageType: request.messageType,
      renewalCertificatePem,
    });
    if ('failInfo' in result) return { failInfo: result.failInfo, reason: result.reason ?? 'refused by the issuer' };
    const [certificateDerIssued] = certificatesDerOf(result.certificatePem);
    if (!certificateDerIssued) throw new Error('The SCEP issuer returned no PEM certificate');
    return {
      certificateDer: certificateDerIssued,
      cipher: opened.cipher === 'des-cbc' ? 'aes-128-cbc' : opened.cipher,
    };
  }
}
