import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { SocleConfig } from '../config/socle-config';
import { QueueName } from '../queues/queue-names';
import { serveMetrics } from './metrics-endpoint';
import { metricsOf } from './socle-metrics';

/** Gateway routes that are a device's check-in or enrollment, counted as such (besides their latency). */
const DEVICE_EVENTS: Record<string, { counter: 'checkins' | 'enrollments'; protocol: string }> = {
  'POST /v1/checkin': { counter: 'checkins', protocol: 'agent' },
  'PUT /v1/mdm/connect': { counter: 'checkins', protocol: 'apple' },
  'POST /v1/enroll': { counter: 'enrollments', protocol: 'agent' },
  'POST /v1/scep': { counter: 'enrollments', protocol: 'scep' },
};

/**
 * Mounts `GET /metrics` ahead of every other route (the console's pages included) and times each
 * request by its route pattern (`/api/v1/packs/:id`, never the raw URL: ids would make a series
 * per pack). Call right after the Nest app is created.
 */
export function installMetrics(app: INestApplication, name: 'api' | 'gateway'): void {
  const config = app.get(SocleConfig);
  const metrics = metricsOf(config);
  metrics.addDataSource(name, app.get(DataSource));
  for (const queue of Object.values(QueueName))
    metrics.addQueue(app.get<Queue>(getQueueToken(queue), { strict: false }));
  const express = app.getHttpAdapter().getInstance();
  express.get('/metrics', (request: Request, response: Response, next: NextFunction) => {
    serveMetrics(config, 'app-port', request, response).catch(next);
  });
  express.use((request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const route = request.route?.path ? `${request.baseUrl}${String(request.route.path)}` : 'unmatched';
      if (route === '/metrics') return;
      const status = response.statusCode;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpDuration.observe({ app: name, method: request.method, route, status: String(status) }, seconds);
      const event = DEVICE_EVENTS[`${request.method} ${route}`];
      if (event) {
        const outcome = status < 400 ? 'ok' : status < 500 ? 'refused' : 'error';
        metrics[event.counter].inc({ protocol: event.protocol, outcome });
      }
    });
    next();
  });
}
