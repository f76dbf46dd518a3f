import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, SocleError, violatedConstraint } from '@socle/core';
import { Cart } from './cart.entity';
import { CartsService, translateCartConstraint } from './carts.service';
import { UpdateCartDto } from './dto/update-cart.dto';

/** Corrects or removes a cart; the slot and capacity rules stay in the schema's constraints. */
@Injectable()
export class CartRecordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly carts: CartsService,
    private readonly audit: AuditService,
  ) {}

  async update(actor: Actor, cartId: string, dto: UpdateCartDto): Promise<Cart> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const cart = await this.carts.findVisible(actor, cartId, manager, { lock: true });
        const before = { label: cart.label, location: cart.location, slotCount: cart.slotCount };
        const changes: Partial<Cart> = { label: dto.label, location: dto.location, slotCount: dto.slotCount };
        if (dto.options?.charging !== undefined) changes.hasCharging = dto.options.charging;
        if (dto.options?.sync !== undefined) changes.hasSync = dto.options.sync;
        if (dto.options?.antiTheftLock !== undefined) changes.hasAntiTheftLock = dto.options.antiTheftLock;
        const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
        if (Object.keys(defined).length) await manager.update(Cart, { id: cart.id }, defined);
        await this.audit.record(manager, actor, {
          action: 'cart.update',
          entityType: 'cart',
          entityId: cart.id,
          summary: { before, after: dto },
        });
        return manager.findOneByOrFail(Cart, { id: cart.id });
      });
    } catch (error) {
      if (violatedConstraint(error) === 'chk_cart_slots_number')
        throw SocleError.conflict(
          'CART_SLOTS_OCCUPIED',
          'Des appareils occupent des emplacements au-delà du nouveau nombre : libérez-les avant de le réduire.',
        );
      throw translateCartConstraint(error, dto.label);
    }
  }

  /** Its slots and Wi-Fi access point go with it; the pack it held stays, out of any cart. */
  async remove(actor: Actor, cartId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const cart = await this.carts.findVisible(actor, cartId, manager, { lock: true });
      await manager.delete(Cart, { id: cart.id });
      await this.audit.record(manager, actor, {
        action: 'cart.delete',
        entityType: 'cart',
        entityId: cart.id,
        summary: { before: { label: cart.label, schoolId: cart.schoolId, packId: cart.packId } },
      });
    });
  }
}
