import { displacedDevice, mayHoldSlot, slotNumberProblem } from './slot-rules';

const PACK = '3f0c1a2b-0000-4000-8000-000000000001';

describe('cart slot rules', () => {
  it('numbers slots 1 to the cart’s count, as printed on it', () => {
    expect([1, 7, 15].map((slot) => slotNumberProblem(slot, 15))).toEqual([null, null, null]);
    for (const slot of [0, 16, -1, 2.5]) {
      const problem = slotNumberProblem(slot, 15);
      expect({ status: problem?.status, code: problem?.code }).toEqual({ status: 422, code: 'SLOT_OUT_OF_RANGE' });
      expect(problem?.message).toContain('entre 1 et 15');
    }
  });

  it('gives a slot only to a device of the pack in the cart that is still in the fleet', () => {
    expect(mayHoldSlot(PACK, { packId: PACK, state: 'active' })).toBe(true);
    expect(mayHoldSlot(PACK, { packId: PACK, state: 'retiring' })).toBe(true);
    expect(mayHoldSlot(null, { packId: PACK, state: 'active' })).toBe(false);
    expect(mayHoldSlot(PACK, { packId: null, state: 'active' })).toBe(false);
    expect(mayHoldSlot(PACK, { packId: '3f0c1a2b-0000-4000-8000-000000000002', state: 'active' })).toBe(false);
    expect(mayHoldSlot(PACK, { packId: PACK, state: 'retired' })).toBe(false);
    expect(mayHoldSlot(PACK, { packId: PACK, state: 'taken_back' })).toBe(false);
  });

  it('says whom a new assignment displaced, and nobody when a device is put back in its own slot', () => {
    expect(displacedDevice('device-a', 'device-b')).toBe('device-a');
    expect(displacedDevice('device-a', null)).toBe('device-a');
    expect(displacedDevice('device-a', 'device-a')).toBeNull();
    expect(displacedDevice(undefined, 'device-b')).toBeNull();
  });
});
