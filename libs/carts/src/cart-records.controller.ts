import { Body, Controller, Delete, HttpCode, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, FLEET_MANAGERS, ParseId, Roles } from '@socle/core';
import { CartRecordsService } from './cart-records.service';
import { UpdateCartDto } from './dto/update-cart.dto';

@ApiTags('carts')
@ApiBearerAuth()
@Controller('carts')
export class CartRecordsController {
  constructor(private readonly records: CartRecordsService) {}

  @Patch(':id')
  @Roles(...FLEET_MANAGERS)
  update(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string, @Body() dto: UpdateCartDto) {
    return this.records.update(actor, id, dto);
  }

  @Delete(':id')
  @Roles(...FLEET_MANAGERS)
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string): Promise<void> {
    await this.records.remove(actor, id);
  }
}
