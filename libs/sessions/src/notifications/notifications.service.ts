import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, Page, SocleError, toPage } from '@socle/core';
import { ListNotificationsQuery } from './list-notifications.query';
import { Notification } from './notification.entity';

/** The technicians' inbox: what jobs found that a person should act on. */
@Injectable()
export class NotificationsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor, query: ListNotificationsQuery): Promise<Page<Notification>> {
    const builder = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.collectivite_id = :tenant', { tenant: actor.tenantId() })
      .orderBy('n.id')
      .take(query.limit + 1);
    if (query.schoolId) builder.andWhere('n.school_id = :schoolId', { schoolId: query.schoolId });
    if (query.unread) builder.andWhere('n.read_at IS NULL');
    if (query.cursor) builder.andWhere('n.id > :cursor', { cursor: query.cursor });
    return toPage(await builder.getMany(), query.limit);
  }

  async markRead(actor: Actor, id: string): Promise<Notification> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      'UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND collectivite_id = $2',
      [id, actor.tenantId()],
    );
    if (!count)
      throw SocleError.notFound(
        'NOTIFICATION_NOT_FOUND',
        "Cette notification n'existe pas ou ne vous est pas accessible.",
      );
    return this.dataSource.getRepository(Notification).findOneByOrFail({ id });
  }
}
