import { SocleError } from '@socle/core';

/** Codes of packs and devices, and of the lines of a supplier import. The values are what clients switch on: never change one. */
export enum FleetErrorCode {
  DeviceNotFound = 'DEVICE_NOT_FOUND',
  IllegalStateTransition = 'ILLEGAL_STATE_TRANSITION',
  PackNotFound = 'PACK_NOT_FOUND',
  PackNameTaken = 'PACK_NAME_TAKEN',
  PackNotEmpty = 'PACK_NOT_EMPTY',
  PackCapacityTooSmall = 'PACK_CAPACITY_TOO_SMALL',
  CartTooSmall = 'CART_TOO_SMALL',
  PackOsMismatch = 'PACK_OS_MISMATCH',
  DuplicateSerial = 'DUPLICATE_SERIAL',
  SerialInvalid = 'SERIAL_INVALID',
  OsFamilyInvalid = 'OS_FAMILY_INVALID',
  DeviceKindInvalid = 'DEVICE_KIND_INVALID',
  DateInvalid = 'DATE_INVALID',
  WarrantyBeforePurchase = 'WARRANTY_BEFORE_PURCHASE',
  MaintenanceModeInvalid = 'MAINTENANCE_MODE_INVALID',
  RefurbishedInvalid = 'REFURBISHED_INVALID',
}

/** The one answer for a device that does not exist or is another collectivité's: the two must look the same. */
export const deviceNotFound = (): SocleError =>
  SocleError.notFound(FleetErrorCode.DeviceNotFound, "Cet appareil n'existe pas ou ne vous est pas accessible.");
