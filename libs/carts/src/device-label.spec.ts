import { deviceLabel, notStoredMessage } from './device-label';

describe('device labels', () => {
  it('names a device by its number in the pack, else by its serial, with the right agreement', () => {
    expect(notStoredMessage('tablet', deviceLabel('tablet', 7, 'F9FX'))).toBe('tablette 7 non rangée');
    expect(notStoredMessage('laptop', deviceLabel('laptop', 3, 'PF2A'))).toBe('ordinateur 3 non rangé');
    expect(deviceLabel('tablet_pc', null, 'SN-42')).toBe('tablette PC SN-42');
  });
});
