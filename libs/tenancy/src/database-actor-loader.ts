import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, ActorLoader, JwtClaims, Role } from '@socle/core';

/**
 * One query per request (the guard's hot path), so a disabled account, a changed password, a
 * signed-out token or a teacher moved to another school takes effect at once on every instance:
 * the token version is a column of the row already read, the revoked-token check one primary-key
 * probe in the same statement. No Redis round trip, nothing cached that could lag.
 */
@Injectable()
export class DatabaseActorLoader extends ActorLoader {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async load(claims: JwtClaims): Promise<Actor | null> {
    const [row] = await this.dataSource.query(
      `SELECT u.id, u.role, u.collectivite_id,
              COALESCE(array_agg(us.school_id) FILTER (WHERE us.school_id IS NOT NULL), '{}') AS school_ids
         FROM users u LEFT JOIN user_schools us ON us.user_id = u.id
        WHERE u.id = $1 AND u.disabled_at IS NULL AND u.token_version = $2
          AND NOT EXISTS (SELECT 1 FROM revoked_tokens r WHERE r.jti = $3)
        GROUP BY u.id`,
      [claims.sub, claims.ver ?? 0, claims.jti ?? null],
    );
    return row ? new Actor(row.id, row.role as Role, row.collectivite_id, row.school_ids, claims.jti) : null;
  }
}
