import { Injectable } from '@nestjs/common';
import * as QRCode from 'qrcode';
import { AndroidManagementClient } from '../client/android-management.client';
import { AndroidEnterpriseService } from '../enterprise/android-enterprise.service';
import { enrollmentTokenRequest } from './enrollment-token-request';

export interface PackEnrollment {
  collectiviteId: string;
  packId: string;
  socleTokenId?: string;
  expiresAt: Date;
  maxUses: number;
}

/** The Android fields `POST /packs/:id/enrollment-tokens` adds for an Android pack (contract shapes). */
export interface AndroidPackToken {
  androidEnrollmentToken: string;
  /** The provisioning JSON AMAPI returns, to be encoded as is in the QR code. */
  androidQrCode: string;
  /** The same QR code as a printable PNG. */
  androidQrPng: string;
  androidEnrollmentTokenName: string;
  androidExpiresAt: string | null;
}

@Injectable()
export class AndroidEnrollmentService {
  constructor(
    private readonly client: AndroidManagementClient,
    private readonly enterprises: AndroidEnterpriseService,
  ) {}

  /** An AMAPI enrollment token mirroring a Socle pack token, and its QR code (fully managed, first boot). */
  async createPackToken(request: PackEnrollment): Promise<AndroidPackToken> {
    const enterpriseName = await this.enterprises.enterpriseNameOf(request.collectiviteId);
    const token = await this.client.createEnrollmentToken(
      enterpriseName,
      enrollmentTokenRequest({ ...request, enterpriseName }),
    );
    const qrCode = String(token.qrCode);
    return {
      androidEnrollmentToken: String(token.value),
      androidQrCode: qrCode,
      // The provisioning JSON is ~600 characters: a larger image keeps it readable by a tablet camera.
      androidQrPng: await QRCode.toDataURL(qrCode, { errorCorrectionLevel: 'M', margin: 2, width: 480 }),
      androidEnrollmentTokenName: String(token.name),
      androidExpiresAt: token.expirationTimestamp ?? null,
    };
  }
}
