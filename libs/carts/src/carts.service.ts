import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, Page, SocleError, toPage, violatedConstraint } from '@socle/core';
import { PacksService } from '@socle/fleet';
import { SchoolsService } from '@socle/tenancy';
import { Cart } from './cart.entity';
import { CartSlotsService } from './cart-slots.service';
import { AssignSlotDto, SetCartPackDto, SlotOrder } from './dto/cart-assignment.dto';
import { CreateCartDto } from './dto/create-cart.dto';
import { ListCartsQuery } from './dto/list-carts.query';

@Injectable()
export class CartsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schools: SchoolsService,
    private readonly packs: PacksService,
    private readonly slots: CartSlotsService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateCartDto): Promise<Cart> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const school = await this.schools.findVisible(actor, dto.schoolId, manager);
        const cart = await manager.save(
          manager.create(Cart, {
            collectiviteId: school.collectiviteId,
            schoolId: school.id,
            label: dto.label,
            location: dto.location,
            slotCount: dto.slotCount,
            hasCharging: dto.options?.charging ?? true,
            hasSync: dto.options?.sync ?? false,
            hasAntiTheftLock: dto.options?.antiTheftLock ?? false,
            packId: null,
            packCapacity: null,
          }),
        );
        await this.audit.record(manager, actor, {
          action: 'cart.create',
          entityType: 'cart',
          entityId: cart.id,
          summary: { after: dto },
        });
        return cart;
      });
    } catch (error) {
      throw translateCartConstraint(error, dto.label);
    }
  }

  async list(actor: Actor, query: ListCartsQuery): Promise<Page<Cart>> {
    const builder = this.dataSource
      .getRepository(Cart)
      .createQueryBuilder('cart')
      .where('cart.collectivite_id = :tenant', { tenant: actor.tenantId() })
      .orderBy('cart.id')
      .take(query.limit + 1);
    if (query.schoolId) builder.andWhere('cart.school_id = :schoolId', { schoolId: query.schoolId });
    if (actor.seesOnlyOwnSchools()) builder.andWhere('cart.school_id = ANY(:schools)', { schools: actor.schoolIds });
    if (query.cursor) builder.andWhere('cart.id > :cursor', { cursor: query.cursor });
    return toPage(await builder.getMany(), query.limit);
  }

  /**
   * Puts a pack in the cart (or takes it out). The pack must belong to the cart's school; the
   * database refuses a pack already in another cart or bigger than the cart. A new pack empties the
   * slots, then fills them in the chosen order.
   */
  async setPack(actor: Actor, cartId: string, dto: SetCartPackDto): Promise<Cart> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const cart = await this.findVisible(actor, cartId, manager, { lock: true });
        const pack = dto.packId ? await this.packs.findVisible(actor, dto.packId, manager) : null;
        if (pack && pack.schoolId !== cart.schoolId) {
          throw SocleError.conflict(
            'CART_PACK_OTHER_SCHOOL',
            "Ce pack appartient à une autre école que le chariot : choisissez un pack de l'école du chariot.",
          );
        }
        if (cart.packId !== (pack?.id ?? null)) {
          await manager.query('DELETE FROM cart_slots WHERE cart_id = $1', [cart.id]);
          await manager.update(
            Cart,
            { id: cart.id },
            { packId: pack?.id ?? null, packCapacity: pack?.capacity ?? null },
          );
        }
        const order = dto.autoAssign ?? 'position';
        const assigned = pack && order !== 'none' ? await this.slots.fill(manager, cart.id, order) : 0;
        await this.audit.record(manager, actor, {
          action: 'cart.pack.set',
          entityType: 'cart',
          entityId: cart.id,
          summary: { before: { packId: cart.packId }, after: { packId: pack?.id ?? null }, autoAssigned: assigned },
        });
        return manager.findOneByOrFail(Cart, { id: cart.id });
      });
    } catch (error) {
      throw translateCartConstraint(error);
    }
  }

  assignSlot(actor: Actor, cartId: string, slotNumber: number, dto: AssignSlotDto) {
    return this.dataSource.transaction(async (manager) =>
      this.slots.assign(
        actor,
        await this.findVisible(actor, cartId, manager, { lock: true }),
        slotNumber,
        dto,
        manager,
      ),
    );
  }

  autoAssign(actor: Actor, cartId: string, order: SlotOrder) {
    return this.dataSource.transaction(async (manager) =>
      this.slots.autoAssign(actor, await this.findVisible(actor, cartId, manager, { lock: true }), order, manager),
    );
  }

  /** Another collectivité's cart, or one of a school a teacher does not belong to, is answered like a missing one. */
  async findVisible(
    actor: Actor,
    cartId: string,
    manager: EntityManager = this.dataSource.manager,
    options: { lock?: boolean } = {},
  ): Promise<Cart> {
    const cart = await manager.findOne(Cart, {
      where: { id: cartId, collectiviteId: actor.tenantId() },
      lock: options.lock ? { mode: 'pessimistic_write' } : undefined,
    });
    if (!cart || !actor.canSeeSchool(cart.schoolId))
      throw SocleError.notFound('CART_NOT_FOUND', "Ce chariot n'existe pas ou ne vous est pas accessible.");
    return cart;
  }
}

export function translateCartConstraint(error: unknown, label?: string): unknown {
  switch (violatedConstraint(error)) {
    case 'uq_carts_school_label':
      return SocleError.conflict(
        'CART_LABEL_TAKEN',
        `Un chariot « ${label} » existe déjà dans cette école : choisissez un autre nom.`,
      );
    case 'uq_carts_pack':
      return SocleError.conflict(
        'PACK_ALREADY_IN_CART',
        "Ce pack est déjà rangé dans un autre chariot : retirez-le d'abord de ce chariot.",
      );
    case 'chk_carts_pack_fits':
      return SocleError.conflict(
        'CART_TOO_SMALL',
        "Le chariot a moins d'emplacements que le pack ne compte d'appareils : choisissez un chariot plus grand.",
      );
    default:
      return error;
  }
}
