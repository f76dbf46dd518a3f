/**
 * What carts read of class sessions (the Wi-Fi schedule, the cart view), implemented by libs/sessions.
 * The dependency goes one way: sessions imports carts (slots, dock states, device labels); carts
 * never imports sessions nor reads its tables, it asks this interface, which SessionsModule
 * provides globally under PACK_BOOKINGS.
 */
export interface PackBookings {
  /** When the pack is booked between `from` and `to` (cancelled sessions aside), each session widened by the margin, overlaps merged. */
  windows(packId: string, from: Date, to: Date, marginMinutes: number): Promise<Array<{ on: Date; off: Date }>>;
  /** The pack's sessions (not cancelled) overlapping the period, in order. */
  sessionsBetween(
    packId: string,
    from: Date,
    to: Date,
  ): Promise<Array<{ id: string; startsAt: Date; endsAt: Date; classroom: string }>>;
  /** The pack's latest return check and the devices it listed as not put back. */
  lastReturnCheck(
    packId: string,
  ): Promise<{ sessionId: string; endedAt: Date; checkedAt: Date; unreturnedDeviceIds: string[] } | null>;
}

export const PACK_BOOKINGS = Symbol('PACK_BOOKINGS');
