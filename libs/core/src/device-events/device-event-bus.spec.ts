import { Injectable, Logger, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { DeviceEventBus } from './device-event-bus';
import { DeviceEventContext, DeviceEventPayload } from './device-events';
import { OnDeviceEvent } from './on-device-event.decorator';

const device = {
  id: '00000000-0000-4000-8000-000000000001',
  collectiviteId: 'c',
  packId: null,
  osFamily: 'ipados',
  state: 'active',
};
const command = (type: string) => ({
  id: 'k',
  collectiviteId: 'c',
  deviceId: device.id,
  type,
  payload: { n: 1 },
  profileId: null,
  profileVersion: null,
});

@Injectable()
class LockOwner {
  @OnDeviceEvent('command.acknowledged', { commandType: 'lock', owner: true })
  async locked(): Promise<void> {}
}

@Injectable()
class OtherLockOwner {
  @OnDeviceEvent('command.acknowledged', { commandType: 'lock', owner: true })
  async alsoLocked(): Promise<void> {}
}

@Injectable()
class Untyped {
  @OnDeviceEvent('command.acknowledged')
  async anyCommand(): Promise<void> {}
}

/** Builds an app of these providers, with the gateway's requirement on `lock`, and starts it. */
async function start(providers: Array<new (...args: never[]) => object>, dataSource: object = {}) {
  const app = await Test.createTestingModule({
    imports: [DiscoveryModule],
    providers: [DeviceEventBus, { provide: DataSource, useValue: dataSource }, ...providers],
  }).compile();
  app.get(DeviceEventBus).require('command.acknowledged', ['lock'], 'the test gateway');
  await app.init();
  return app;
}

describe('DeviceEventBus at start', () => {
  it('refuses to start when a command type that needs an acknowledgement owner has none', async () => {
    await expect(start([])).rejects.toThrow(
      /no owner for command\.acknowledged of lock \(required by the test gateway\)/,
    );
  });

  it('refuses to start when two handlers claim the same ownership', async () => {
    await expect(start([LockOwner, OtherLockOwner])).rejects.toThrow(
      /two owners for command\.acknowledged:lock: LockOwner\.locked, OtherLockOwner\.alsoLocked/,
    );
  });

  it('refuses a command event handler that does not say which command type it handles', async () => {
    await expect(start([LockOwner, Untyped])).rejects.toThrow(
      /Untyped\.anyCommand: command\.acknowledged needs a commandType/,
    );
  });

  it('starts when each requirement has its one owner, and lists the handlers it found', async () => {
    const app = await start([LockOwner]);
    expect(app.get(DeviceEventBus).handlersOf('command.acknowledged', 'lock')).toEqual(['LockOwner.locked']);
    await app.close();
  });

  it('finds a handler once even when its module is imported by several others', async () => {
    @Module({ providers: [LockOwner], exports: [LockOwner] })
    class OwnerModule {}
    @Module({ imports: [OwnerModule] })
    class First {}
    @Module({ imports: [OwnerModule] })
    class Second {}
    const app = await Test.createTestingModule({
      imports: [DiscoveryModule, First, Second],
      providers: [DeviceEventBus, { provide: DataSource, useValue: {} }],
    }).compile();
    await app.init();
    expect(app.get(DeviceEventBus).handlersOf('command.acknowledged', 'lock')).toEqual(['LockOwner.locked']);
    await app.close();
  });
});

describe('DeviceEventBus: one transaction and error policy', () => {
  let dataSource: DataSource;
  const seen: string[] = [];

  @Injectable()
  class CheckinHandlers {
    @OnDeviceEvent('checkin.recorded', { order: 10 })
    async last(_payload: DeviceEventPayload<'checkin.recorded'>, { manager }: DeviceEventContext) {
      await manager.query(`INSERT INTO spec_events VALUES ('last')`);
      seen.push('last');
    }

    @OnDeviceEvent('checkin.recorded')
    async first(_payload: DeviceEventPayload<'checkin.recorded'>, { manager }: DeviceEventContext) {
      await manager.query(`INSERT INTO spec_events VALUES ('first')`);
      seen.push('first');
    }

    @OnDeviceEvent('checkin.recorded', { onError: 'log' })
    async mayFail(_payload: DeviceEventPayload<'checkin.recorded'>, { manager }: DeviceEventContext) {
      await manager.query(`INSERT INTO spec_events VALUES ('undone')`);
      throw new Error('this handler may fail');
    }

    @OnDeviceEvent('checkin.recorded', { phase: 'after-commit' })
    async afterCommit(_payload: DeviceEventPayload<'checkin.recorded'>, { manager }: DeviceEventContext) {
      const rows = await manager.query(`SELECT name FROM spec_events ORDER BY name`);
      seen.push(`after commit saw ${rows.map((row: { name: string }) => row.name).join(',')}`);
      throw new Error('logged, never the device’s');
    }

    @OnDeviceEvent('command.handed-over', { commandType: 'install_profile' })
    async render({ command: handed }: DeviceEventPayload<'command.handed-over'>) {
      return { ...handed.payload, rendered: true };
    }
  }

  @Injectable()
  class FailingHandler {
    @OnDeviceEvent('device.retired')
    async retired(_payload: DeviceEventPayload<'device.retired'>, { manager }: DeviceEventContext) {
      await manager.query(`INSERT INTO spec_events VALUES ('retired')`);
      throw new Error('a failure that must fail the change');
    }
  }

  beforeAll(async () => {
    // One connection, so that a temporary table is seen by the transaction and after it.
    dataSource = await new DataSource({
      type: 'postgres',
      url: process.env.SOCLE_DATABASE_URL,
      extra: { max: 1 },
    }).initialize();
    await dataSource.query('CREATE TEMP TABLE spec_events (name text)');
  });
  afterAll(() => dataSource.destroy());
  beforeEach(async () => {
    seen.length = 0;
    await dataSource.query('DELETE FROM spec_events');
  });

  const bus = async () => {
    const app = await Test.createTestingModule({
      imports: [DiscoveryModule],
      providers: [DeviceEventBus, { provide: DataSource, useValue: dataSource }, CheckinHandlers, FailingHandler],
    }).compile();
    await app.init();
    return app.get(DeviceEventBus);
  };

  it('runs handlers in order inside the transaction, undoes only the one allowed to fail, then runs after-commit ones', async () => {
    const events = await bus();
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    await events.transaction((tx) => tx.emit('checkin.recorded', { device, report: {} }));
    expect(seen).toEqual(['first', 'last', 'after commit saw first,last']);
    expect(logged.mock.calls.map(([message]) => message)).toEqual([
      'CheckinHandlers.mayFail failed on checkin.recorded: this handler may fail',
      'CheckinHandlers.afterCommit failed on checkin.recorded: logged, never the device’s',
    ]);
    logged.mockRestore();
    const rows = await dataSource.query('SELECT name FROM spec_events ORDER BY name');
    expect(rows.map((row: { name: string }) => row.name)).toEqual(['first', 'last']);
  });

  it('rolls the whole change back when a handler that must not fail fails', async () => {
    const events = await bus();
    await expect(
      events.transaction(async (tx) => {
        await tx.manager.query(`INSERT INTO spec_events VALUES ('the change')`);
        await tx.emit('device.retired', { device: { id: device.id, collectiviteId: 'c' } });
      }),
    ).rejects.toThrow(/must fail the change/);
    expect(await dataSource.query('SELECT name FROM spec_events')).toEqual([]);
  });

  it('hands a command over with its owner’s payload, or its own when it has no owner', async () => {
    const events = await bus();
    await expect(events.handOver(device, command('install_profile'))).resolves.toEqual({ n: 1, rendered: true });
    await expect(events.handOver(device, command('restart'))).resolves.toEqual({ n: 1 });
  });
});
