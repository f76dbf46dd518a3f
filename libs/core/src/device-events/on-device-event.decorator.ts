import type {
  DeviceEventContext,
  DeviceEventHandlerOptions,
  DeviceEventName,
  DeviceEventPayload,
  DeviceEventResult,
} from './device-events';

export const DEVICE_EVENT_HANDLERS = Symbol('socle:device-event-handlers');

export interface DeclaredDeviceEventHandler {
  event: DeviceEventName;
  options: DeviceEventHandlerOptions;
  method: string | symbol;
}

export type DeviceEventHandlerMethod<E extends DeviceEventName> = (
  payload: DeviceEventPayload<E>,
  context: DeviceEventContext,
) => Promise<DeviceEventResult<E>>;

/**
 * Declares a method of a provider as a handler of one device event; the provider's module only has
 * to be part of the app. The method's signature is checked against the event's payload.
 */
export function OnDeviceEvent<E extends DeviceEventName>(event: E, options: DeviceEventHandlerOptions = {}) {
  return <M extends DeviceEventHandlerMethod<E>>(
    target: object,
    method: string | symbol,
    _descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    const declared: DeclaredDeviceEventHandler[] = Reflect.getMetadata(DEVICE_EVENT_HANDLERS, target.constructor) ?? [];
    Reflect.defineMetadata(DEVICE_EVENT_HANDLERS, [...declared, { event, options, method }], target.constructor);
  };
}
