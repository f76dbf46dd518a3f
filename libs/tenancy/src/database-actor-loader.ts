import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, ActorLoader, Role } from '@socle/core';

/** One query per request, so a disabled account or a teacher moved to another school takes effect at once. */
@Injectable()
export class DatabaseActorLoader extends ActorLoader {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async load(userId: string): Promise<Actor | null> {
    const [row] = await this.dataSource.query(
      `SELECT u.id, u.role, u.collectivite_id,
              COALESCE(array_agg(us.school_id) FILTER (WHERE us.school_id IS NOT NULL), '{}') AS school_ids
         FROM users u LEFT JOIN user_schools us ON us.user_id = u.id
        WHERE u.id = $1 AND u.disabled_at IS NULL
        GROUP BY u.id`,
      [userId],
    );
    return row ? new Actor(row.id, row.role as Role, row.collectivite_id, row.school_ids) : null;
  }
}
