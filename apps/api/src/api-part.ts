import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { httpPart, listen, ProcessPart } from '@socle/core';
import { createApiApp } from './create-api-app';

/** The api on SOCLE_API_PORT (and SOCLE_LISTEN_HOST), as a part of the process. */
export const apiPart: ProcessPart = {
  name: 'api',
  async start(config) {
    const app = await createApiApp(config);
    await app.init();
    const server = app.getHttpServer() as Server;
    await listen(server, config.apiPort, config);
    const { port } = server.address() as AddressInfo;
    return httpPart('api', server, `http://${config.listenHost || 'localhost'}:${port}/api`, () => app.close());
  },
};
