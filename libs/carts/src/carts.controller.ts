import { Body, Controller, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, FLEET_MANAGERS, ParseId, Roles, SCHOOL_STAFF, validationFailed } from '@socle/core';
import { CartViewService, summary } from './cart-view.service';
import { CartsService } from './carts.service';
import { AssignSlotDto, AutoAssignDto, SetCartPackDto } from './dto/cart-assignment.dto';
import { CreateCartDto } from './dto/create-cart.dto';
import { ListCartsQuery } from './dto/list-carts.query';

const ParseSlot = new ParseIntPipe({
  exceptionFactory: () => validationFailed([{ field: 'n', problems: ['slot number must be a whole number'] }]),
});

@ApiTags('carts')
@ApiBearerAuth()
@Controller('carts')
export class CartsController {
  constructor(
    private readonly carts: CartsService,
    private readonly views: CartViewService,
  ) {}

  @Post()
  @Roles(...FLEET_MANAGERS)
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateCartDto) {
    return summary(await this.carts.create(actor, dto));
  }

  @Get()
  @Roles(...FLEET_MANAGERS, ...SCHOOL_STAFF)
  async list(@CurrentActor() actor: Actor, @Query() query: ListCartsQuery) {
    const page = await this.carts.list(actor, query);
    return { ...page, items: page.items.map(summary) };
  }

  /** Each slot with its device, docked/charging from the latest check-in, and the devices to go and look for. */
  @Get(':id')
  @Roles(...FLEET_MANAGERS, ...SCHOOL_STAFF)
  view(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    return this.views.view(actor, id);
  }

  @Put(':id/pack')
  @Roles(...FLEET_MANAGERS)
  async setPack(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string, @Body() dto: SetCartPackDto) {
    await this.carts.setPack(actor, id, dto);
    return this.views.view(actor, id);
  }

  @Put(':id/slots/:n')
  @Roles(...FLEET_MANAGERS)
  assignSlot(
    @CurrentActor() actor: Actor,
    @Param('id', ParseId) id: string,
    @Param('n', ParseSlot) slotNumber: number,
    @Body() dto: AssignSlotDto,
  ) {
    return this.carts.assignSlot(actor, id, slotNumber, dto);
  }

  /** Tablet n in slot n (`position`), or by serial number: for devices enrolled after the pack went in the cart. */
  @Post(':id/slots/auto-assign')
  @Roles(...FLEET_MANAGERS)
  autoAssign(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string, @Body() dto: AutoAssignDto) {
    return this.carts.autoAssign(actor, id, dto.order);
  }
}
