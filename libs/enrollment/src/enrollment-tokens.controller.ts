import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, FLEET_MANAGERS, onePage, ParseId, Roles } from '@socle/core';
import { CreateEnrollmentTokenDto } from './dto/create-enrollment-token.dto';
import { EnrollmentTokensService } from './enrollment-tokens.service';

@ApiTags('enrollment')
@ApiBearerAuth()
@Controller('packs/:id/enrollment-tokens')
export class EnrollmentTokensController {
  constructor(private readonly tokens: EnrollmentTokensService) {}

  @Post()
  @Roles(...FLEET_MANAGERS)
  issue(@CurrentActor() actor: Actor, @Param('id', ParseId) packId: string, @Body() dto: CreateEnrollmentTokenDto) {
    return this.tokens.issue(actor, packId, dto);
  }

  @Get()
  @Roles(...FLEET_MANAGERS)
  list(@CurrentActor() actor: Actor, @Param('id', ParseId) packId: string) {
    return onePage(this.tokens.listForPack(actor, packId));
  }

  @Delete(':tokenId')
  @Roles(...FLEET_MANAGERS)
  @HttpCode(204)
  revoke(
    @CurrentActor() actor: Actor,
    @Param('id', ParseId) packId: string,
    @Param('tokenId', ParseId) tokenId: string,
  ) {
    return this.tokens.revoke(actor, packId, tokenId);
  }
}
