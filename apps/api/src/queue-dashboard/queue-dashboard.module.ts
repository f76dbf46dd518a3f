import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AuditModule } from '@socle/audit';
import { QueueName } from '@socle/core';
import { queueDashboardAccess } from './queue-dashboard-access';
import { QueueDashboardController } from './queue-dashboard.controller';
import { QueueDashboardSessions } from './queue-dashboard-sessions';

/**
 * bull-board at /api/admin/queues, read-only: the queues only deliver (PostgreSQL holds the
 * truth and the reconciler re-queues what is missing), so watching them is what an operator needs,
 * and a dashboard that cannot change anything needs no audit of its own.
 */
@Module({
  imports: [
    AuditModule,
    BullBoardModule.forRootAsync({
      inject: [ModuleRef],
      useFactory: (moduleRef: ModuleRef) => ({
        route: '/admin/queues',
        adapter: ExpressAdapter,
        middleware: queueDashboardAccess(moduleRef),
        boardOptions: { uiConfig: { boardTitle: "Socle — files d'attente", locale: { lng: 'fr-FR' } } },
      }),
    }),
    BullBoardModule.forFeature(
      ...Object.values(QueueName).map((name) => ({ name, adapter: BullMQAdapter, options: { readOnlyMode: true } })),
    ),
  ],
  controllers: [QueueDashboardController],
  providers: [QueueDashboardSessions],
})
export class QueueDashboardModule {}
