import { HttpStatus } from '@nestjs/common';
import { SocleError } from '@socle/core';
import { DeviceState, isShutOut } from '@socle/fleet';

/** Slots are numbered 1..slotCount, as printed on the cart. */
export function slotNumberProblem(slotNumber: number, slotCount: number): SocleError | null {
  if (Number.isInteger(slotNumber) && slotNumber >= 1 && slotNumber <= slotCount) return null;
  return new SocleError(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'SLOT_OUT_OF_RANGE',
    `Ce chariot a ${slotCount} emplacements : choisissez un numéro entre 1 et ${slotCount}.`,
  );
}

/** Only a device of the pack stored in the cart, and still in the fleet, may have a slot there. */
export function mayHoldSlot(cartPackId: string | null, device: { packId: string | null; state: DeviceState }): boolean {
  return cartPackId !== null && device.packId === cartPackId && !isShutOut(device.state);
}

/** The device that lost its slot to another, if any (re-assigning a device to its own slot displaces nobody). */
export function displacedDevice(previousDeviceId: string | null | undefined, deviceId: string | null): string | null {
  return previousDeviceId && previousDeviceId !== deviceId ? previousDeviceId : null;
}
