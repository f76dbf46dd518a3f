import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { DataSource, EntityManager } from 'typeorm';
import {
  COMMAND_EVENTS,
  DeviceEventContext,
  DeviceEventHandlerOptions,
  DeviceEventName,
  DeviceEventPayload,
  DeviceEventResult,
  EventDevice,
} from './device-events';
import { DeclaredDeviceEventHandler, DEVICE_EVENT_HANDLERS } from './on-device-event.decorator';

interface RegisteredHandler {
  event: DeviceEventName;
  options: Required<Omit<DeviceEventHandlerOptions, 'commandType'>> & { commandType?: string };
  name: string;
  call(payload: unknown, context: DeviceEventContext): Promise<unknown>;
}

interface Requirement {
  event: DeviceEventName;
  commandTypes: readonly string[];
  by: string;
}

const keyOf = (event: DeviceEventName, commandType?: string) => (commandType ? `${event}:${commandType}` : event);

/** Collects what after-commit handlers must run once the emitting transaction committed. */
export class DeviceEventTransaction implements DeviceEventContext {
  readonly afterCommit: Array<() => Promise<void>> = [];

  constructor(
    readonly manager: EntityManager,
    private readonly bus: DeviceEventBus,
  ) {}

  emit<E extends DeviceEventName>(event: E, payload: DeviceEventPayload<E>, commandType?: string): Promise<void> {
    return this.bus.dispatch(this, event, payload, commandType);
  }
}

/**
 * The device-event pipeline: finds every `@OnDeviceEvent` handler of the app at start, refuses the
 * start when a required owner is missing or an owner is claimed twice, and runs handlers with the
 * one transaction and error policy of device-events.ts.
 */
@Injectable()
export class DeviceEventBus implements OnApplicationBootstrap {
  private readonly logger = new Logger(DeviceEventBus.name);
  private readonly handlers = new Map<string, RegisteredHandler[]>();
  private readonly requirements: Requirement[] = [];
  private discovered = false;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Declared by the side that serves an event (e.g. the gateway applies command results): the app
   * does not start unless each of these command types has its owner.
   */
  require(event: DeviceEventName, commandTypes: readonly string[], by: string): void {
    this.requirements.push({ event, commandTypes, by });
  }

  onApplicationBootstrap(): void {
    this.discover();
  }

  /** Finds the handlers and checks them; throws (and so stops the start) with every problem named. */
  discover(): void {
    this.handlers.clear();
    const seen = new Set<object>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic() || seen.has(instance))
        continue;
      seen.add(instance);
      const declared: DeclaredDeviceEventHandler[] =
        Reflect.getMetadata(DEVICE_EVENT_HANDLERS, instance.constructor) ?? [];
      for (const { event, options, method } of declared) {
        const handler: RegisteredHandler = {
          event,
          name: `${instance.constructor.name}.${String(method)}`,
          options: {
            commandType: options.commandType,
            phase: options.phase ?? 'in-transaction',
            onError: options.onError ?? 'fail',
            owner: event === 'command.handed-over' ? true : (options.owner ?? false),
            order: options.order ?? 0,
          },
          call: (payload, context) => (instance as Record<string | symbol, any>)[method](payload, context),
        };
        const key = keyOf(event, options.commandType);
        this.handlers.set(key, [...(this.handlers.get(key) ?? []), handler]);
      }
    }
    // By order, then the owner first (what the event means for its context is recorded before others look).
    const rank = (handler: RegisteredHandler) => handler.options.order * 2 + (handler.options.owner ? 0 : 1);
    for (const list of this.handlers.values()) list.sort((a, b) => rank(a) - rank(b));
    const problems = this.problems();
    if (problems.length) throw new Error(`Device-event handlers refused:\n- ${problems.join('\n- ')}`);
    this.discovered = true;
  }

  /** The handlers of one event (and command type), in the order they run: for tests and the README. */
  handlersOf(event: DeviceEventName, commandType?: string): string[] {
    return (this.handlers.get(keyOf(event, commandType)) ?? []).map((handler) => handler.name);
  }

  /** One transaction of the device's life: in-transaction handlers share it, after-commit ones run once it committed. */
  async transaction<T>(work: (tx: DeviceEventTransaction) => Promise<T>): Promise<T> {
    let tx: DeviceEventTransaction | undefined;
    const result = await this.dataSource.transaction((manager) =>
      work((tx = new DeviceEventTransaction(manager, this))),
    );
    for (const run of tx?.afterCommit ?? []) await run();
    return result;
  }

  async dispatch<E extends DeviceEventName>(
    tx: DeviceEventTransaction,
    event: E,
    payload: DeviceEventPayload<E>,
    commandType?: string,
  ): Promise<void> {
    this.assertDiscovered();
    for (const handler of this.handlers.get(keyOf(event, commandType)) ?? []) {
      if (handler.options.phase === 'after-commit') {
        tx.afterCommit.push(() =>
          handler.call(payload, this.afterCommitContext()).then(
            () => undefined,
            (error: Error) => this.logFailure(handler, error),
          ),
        );
      } else if (handler.options.onError === 'log') {
        await this.isolated(tx, handler, payload);
      } else {
        await handler.call(payload, tx);
      }
    }
  }

  /**
   * The owner's payload for a command handed to its device (the command's own payload when it has
   * none). Called after the hand-over committed: renders read and sign without holding the
   * check-in's connection.
   */
  async handOver(
    device: EventDevice,
    command: { id: string; type: string; payload: Record<string, unknown> },
  ): Promise<Record<string, unknown>> {
    this.assertDiscovered();
    const [owner] = this.handlers.get(keyOf('command.handed-over', command.type)) ?? [];
    if (!owner) return command.payload;
    return (await owner.call(
      { device, command },
      this.afterCommitContext(),
    )) as DeviceEventResult<'command.handed-over'>;
  }

  /** A handler allowed to fail runs under a savepoint: its writes go, the device's change stays. */
  private async isolated(tx: DeviceEventTransaction, handler: RegisteredHandler, payload: unknown): Promise<void> {
    await tx.manager.query('SAVEPOINT device_event');
    try {
      await handler.call(payload, tx);
      await tx.manager.query('RELEASE SAVEPOINT device_event');
    } catch (error) {
      await tx.manager.query('ROLLBACK TO SAVEPOINT device_event');
      this.logFailure(handler, error as Error);
    }
  }

  /** After commit there is no transaction to emit into: a handler that needs one opens its own. */
  private afterCommitContext(): DeviceEventContext {
    return {
      manager: this.dataSource.manager,
      emit: () => Promise.reject(new Error('after-commit handlers cannot emit into a committed transaction')),
    };
  }

  private logFailure(handler: RegisteredHandler, error: Error): void {
    this.logger.error(`${handler.name} failed on ${handler.event}: ${error.message}`);
  }

  private problems(): string[] {
    const problems: string[] = [];
    for (const [key, list] of this.handlers) {
      for (const handler of list) {
        const perCommand = COMMAND_EVENTS.includes(handler.event);
        if (perCommand && !handler.options.commandType)
          problems.push(`${handler.name}: ${handler.event} needs a commandType`);
        if (!perCommand && handler.options.commandType)
          problems.push(`${handler.name}: ${handler.event} is not scoped by command type`);
        if (handler.event === 'command.handed-over' && handler.options.onError === 'log')
          problems.push(`${handler.name}: a hand-over that failed cannot be sent half-rendered`);
      }
      const owners = list.filter((handler) => handler.options.owner);
      if (owners.length > 1) problems.push(`two owners for ${key}: ${owners.map((owner) => owner.name).join(', ')}`);
    }
    for (const { event, commandTypes, by } of this.requirements) {
      const missing = commandTypes.filter(
        (type) => !(this.handlers.get(keyOf(event, type)) ?? []).some((handler) => handler.options.owner),
      );
      if (missing.length) problems.push(`no owner for ${event} of ${missing.join(', ')} (required by ${by})`);
    }
    return problems;
  }

  private assertDiscovered(): void {
    if (!this.discovered) throw new Error('Device events emitted before the app finished starting');
  }
}
