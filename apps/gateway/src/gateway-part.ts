import { AddressInfo } from 'node:net';
import { httpPart, listen, ProcessPart } from '@socle/core';
import { WakeListener } from '@socle/delivery';
import { createGatewayApp } from './create-gateway-app';

/** The device gateway on SOCLE_GATEWAY_PORT; stopping answers the waiting long-polls at once, so devices reconnect elsewhere. */
export const gatewayPart: ProcessPart = {
  name: 'gateway',
  async start(config) {
    const gateway = await createGatewayApp(config);
    await listen(gateway.server, config.gatewayPort, config);
    const { port } = gateway.server.address() as AddressInfo;
    const scheme = config.gatewayMode === 'tls' ? 'https' : 'http';
    return httpPart(
      'gateway',
      gateway.server,
      `${scheme}://${config.listenHost || 'localhost'}:${port}/v1`,
      () => gateway.app.close(),
      () => gateway.app.get(WakeListener, { strict: false }).releaseAll(),
    );
  },
};
