import { QueryFailedError } from 'typeorm';
import { SocleError } from '@socle/core';
import {
  DEFAULT_TOKEN_VALIDITY_HOURS,
  placementRefusal,
  tokenRefusal,
  tokenTerms,
  translateEnrollmentConstraint,
} from './enrollment-rules';

const NOW = new Date('2026-09-01T07:30:00Z');
const HOUR = 3600_000;
const codeOf = (error: unknown) =>
  error instanceof SocleError ? { status: error.status, code: error.code } : { thrown: String(error) };

describe('enrollment token terms', () => {
  it('lasts 72 hours and enrolls as many devices as the pack holds, unless the technician says otherwise', () => {
    expect(DEFAULT_TOKEN_VALIDITY_HOURS).toBe(72);
    expect(tokenTerms({}, 15, NOW)).toEqual({ expiresAt: new Date(NOW.getTime() + 72 * HOUR), maxUses: 15 });
    expect(tokenTerms({ expiresInHours: 2, maxUses: 1 }, 15, NOW)).toEqual({
      expiresAt: new Date(NOW.getTime() + 2 * HOUR),
      maxUses: 1,
    });
  });

  it('tells apart why a token could not be spent', () => {
    const later = new Date(NOW.getTime() + HOUR);
    expect(codeOf(tokenRefusal(null, NOW))).toEqual({ status: 401, code: 'TOKEN_INVALID' });
    expect(codeOf(tokenRefusal({ revokedAt: NOW, expiresAt: later }, NOW))).toEqual({
      status: 401,
      code: 'TOKEN_INVALID',
    });
    expect(codeOf(tokenRefusal({ revokedAt: null, expiresAt: NOW }, NOW))).toEqual({
      status: 401,
      code: 'TOKEN_EXPIRED',
    });
    // Neither revoked nor expired, yet not spendable: every use is gone.
    expect(codeOf(tokenRefusal({ revokedAt: null, expiresAt: later }, NOW))).toEqual({
      status: 409,
      code: 'TOKEN_EXHAUSTED',
    });
    expect(tokenRefusal(null, NOW).message).toContain('nouveau QR code');
  });
});

describe('placing a known device in a pack', () => {
  const imported = { state: 'registered' as const, packId: null, osFamily: 'ipados', serialNumber: 'DMPX-0042' };

  it('lets a device imported from the supplier’s file, or a new one, join a pack of its OS', () => {
    expect(placementRefusal(null, 'android')).toBeNull();
    expect(placementRefusal(imported, 'ipados')).toBeNull();
  });

  it('refuses a device already in a pack or that cannot enroll from its state, naming its serial number', () => {
    const inPack = placementRefusal({ ...imported, state: 'active', packId: 'pack-1' }, 'ipados');
    expect(codeOf(inPack)).toEqual({ status: 409, code: 'DEVICE_ALREADY_ENROLLED' });
    expect(inPack?.message).toContain('DMPX-0042');
    expect(codeOf(placementRefusal({ ...imported, state: 'retired' }, 'ipados'))).toEqual({
      status: 409,
      code: 'DEVICE_ALREADY_ENROLLED',
    });
  });

  it('refuses a device of another OS: a pack holds one system', () => {
    const refusal = placementRefusal(imported, 'android');
    expect(codeOf(refusal)).toEqual({ status: 409, code: 'PACK_OS_MISMATCH' });
    expect(refusal?.message).toContain('ipados');
  });
});

describe('the constraints that settle enrollment races', () => {
  const violation = (constraint: string, code = '23505') =>
    new QueryFailedError('INSERT INTO devices', [], Object.assign(new Error(constraint), { code, constraint }));

  it('become the errors the code would have given', () => {
    expect(codeOf(translateEnrollmentConstraint(violation('uq_devices_pack_position')))).toEqual({
      status: 409,
      code: 'PACK_FULL',
    });
    expect(codeOf(translateEnrollmentConstraint(violation('chk_devices_pack_position', '23514')))).toEqual({
      status: 409,
      code: 'PACK_FULL',
    });
    expect(codeOf(translateEnrollmentConstraint(violation('fk_devices_pack_os', '23503')))).toEqual({
      status: 409,
      code: 'PACK_OS_MISMATCH',
    });
    expect(codeOf(translateEnrollmentConstraint(violation('uq_devices_tenant_serial')))).toEqual({
      status: 409,
      code: 'DEVICE_ALREADY_ENROLLED',
    });
  });

  it('leave any other failure as it was', () => {
    const other = violation('uq_something_else');
    expect(translateEnrollmentConstraint(other)).toBe(other);
    const plain = new Error('connection reset');
    expect(translateEnrollmentConstraint(plain)).toBe(plain);
  });
});
