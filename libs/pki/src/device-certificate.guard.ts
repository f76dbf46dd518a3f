import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { SocleConfig, SocleError } from '@socle/core';
import { Device, isShutOut } from '@socle/fleet';
import { PkiService } from './pki.service';
import { PkiErrorCode } from './pki-error-codes';

export type DeviceRequest = Request & { device?: Device };

const unauthorized = (code: string, message: string) => SocleError.unauthorized(code, message);

/**
 * Recognises the device by the certificate Socle issued it: presented in the TLS handshake, or
 * forwarded in a header by a reverse proxy that is explicitly trusted. Unknown, revoked or
 * retired: 401, whatever the rest of the request says.
 */
@Injectable()
export class DeviceCertificateGuard implements CanActivate {
  constructor(
    private readonly config: SocleConfig,
    private readonly pki: PkiService,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<DeviceRequest>();
    const fingerprint =
      this.config.gatewayMode === 'proxy' ? await this.forwardedFingerprint(request) : this.tlsFingerprint(request);
    const certificate = await this.pki.findActiveDeviceCertificate(fingerprint);
    if (!certificate?.deviceId) {
      throw unauthorized(
        PkiErrorCode.CertificateRejected,
        "Certificat d'appareil inconnu, expiré ou révoqué : réinscrivez l'appareil.",
      );
    }
    const device = await this.dataSource.getRepository(Device).findOneBy({ id: certificate.deviceId });
    if (!device || isShutOut(device.state) || device.certificateId !== certificate.id) {
      throw unauthorized(
        PkiErrorCode.CertificateRejected,
        "Cet appareil n'est plus géré par Socle (retiré ou réinscrit).",
      );
    }
    request.device = device;
    return true;
  }

  private tlsFingerprint(request: Request): string {
    const socket = request.socket as TLSSocket;
    const peer = typeof socket.getPeerCertificate === 'function' ? socket.getPeerCertificate() : undefined;
    if (!peer?.raw)
      throw unauthorized(
        PkiErrorCode.CertificateRequired,
        "Certificat d'appareil absent : cette route exige le certificat reçu à l'inscription.",
      );
    if (!socket.authorized)
      throw unauthorized(PkiErrorCode.CertificateRejected, "Certificat d'appareil non émis par Socle.");
    return createHash('sha256').update(peer.raw).digest('hex');
  }

  private async forwardedFingerprint(request: Request): Promise<string> {
    const remote = (request.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    if (!this.config.trustedProxies.includes(remote)) {
      throw unauthorized(
        PkiErrorCode.ProxyNotTrusted,
        "Requête reçue d'un relais non autorisé (SOCLE_TRUSTED_PROXIES).",
      );
    }
    const header = request.headers[this.config.clientCertHeader.toLowerCase()];
    if (typeof header !== 'string' || !header) {
      throw unauthorized(
        PkiErrorCode.CertificateRequired,
        "Certificat d'appareil absent : le relais doit transmettre le certificat client.",
      );
    }
    let pem: string;
    try {
      pem = decodeURIComponent(header);
    } catch {
      throw unauthorized(PkiErrorCode.CertificateRejected, 'Certificat transmis illisible.');
    }
    const fingerprint = await this.pki.verifyForwardedCertificate(pem);
    if (!fingerprint) throw unauthorized(PkiErrorCode.CertificateRejected, "Certificat d'appareil non émis par Socle.");
    return fingerprint;
  }
}
