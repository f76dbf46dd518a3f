import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, Clock, SocleError } from '@socle/core';
import { CartsService } from '../carts.service';
import { AccessPointStateDto, DeclareAccessPointDto } from '../dto/access-point.dto';
import { newAccessPointToken, hashAccessPointToken } from './access-point-token';
import { CartAccessPoint } from './access-point.entity';

/** A report may come from an access point whose clock runs a little fast, not from the future. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Older reports (a controller flushing a week-old buffer) would rewrite a report already read. */
const OLDEST_REPORT_MS = 7 * 24 * 3600_000;

@Injectable()
export class AccessPointsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly carts: CartsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Declares (or re-declares) the cart's access point; a new token is issued and shown once, the old one stops working. */
  async declare(actor: Actor, cartId: string, dto: DeclareAccessPointDto) {
    const token = newAccessPointToken();
    const accessPoint = await this.dataSource.transaction(async (manager) => {
      const cart = await this.carts.findVisible(actor, cartId, manager, { lock: true });
      await manager.query(
        `INSERT INTO cart_access_points (cart_id, ssid, bssid, margin_minutes, token_hash) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (cart_id) DO UPDATE SET ssid = EXCLUDED.ssid, bssid = EXCLUDED.bssid, margin_minutes = EXCLUDED.margin_minutes,
           token_hash = EXCLUDED.token_hash, updated_at = now()`,
        [
          cart.id,
          dto.ssid,
          dto.bssid?.toLowerCase().replace(/-/g, ':') ?? null,
          dto.marginMinutes ?? 15,
          hashAccessPointToken(token),
        ],
      );
      await this.audit.record(manager, actor, {
        action: 'cart.access_point.declare',
        entityType: 'cart',
        entityId: cart.id,
        summary: { after: dto },
      });
      return manager.findOneByOrFail(CartAccessPoint, { cartId: cart.id });
    });
    return {
      cartId: accessPoint.cartId,
      ssid: accessPoint.ssid,
      bssid: accessPoint.bssid,
      marginMinutes: accessPoint.marginMinutes,
      token,
      feedPath: `/api/v1/access-points/schedule.ics?token=${token}`,
      reportPath: '/api/v1/access-points/reports',
    };
  }

  async findByToken(token: string | undefined): Promise<CartAccessPoint> {
    const accessPoint = token
      ? await this.dataSource.getRepository(CartAccessPoint).findOneBy({ tokenHash: hashAccessPointToken(token) })
      : null;
    if (!accessPoint)
      throw SocleError.unauthorized(
        'ACCESS_POINT_TOKEN_INVALID',
        "Jeton de point d'accès inconnu : recopiez celui donné lors de la déclaration du point d'accès, ou déclarez-le à nouveau.",
      );
    return accessPoint;
  }

  /** The access point (or its controller) says it is on or off since `at`. */
  async report(token: string | undefined, dto: AccessPointStateDto) {
    const accessPoint = await this.findByToken(token);
    const now = this.clock.now();
    const at = dto.at ? new Date(dto.at) : now;
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS || at.getTime() < now.getTime() - OLDEST_REPORT_MS) {
      throw new SocleError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'REPORT_TIME_INVALID',
        "L'heure du relevé est dans le futur ou date de plus de 7 jours : vérifiez l'horloge du point d'accès.",
      );
    }
    await this.dataSource.query('INSERT INTO access_point_reports (cart_id, is_on, reported_at) VALUES ($1, $2, $3)', [
      accessPoint.cartId,
      dto.state === 'on',
      at,
    ]);
    return { cartId: accessPoint.cartId, state: dto.state, at };
  }
}
