import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, FLEET_MANAGERS, ParseId, Roles, SCHOOL_STAFF } from '@socle/core';
import { CreatePackDto } from './dto/create-pack.dto';
import { ListPacksQuery } from './dto/list-queries.dto';
import { UpdatePackDto } from './dto/update-pack.dto';
import { PacksService } from './packs.service';

@ApiTags('packs')
@ApiBearerAuth()
@Controller('packs')
export class PacksController {
  constructor(private readonly packs: PacksService) {}

  @Post()
  @Roles(...FLEET_MANAGERS)
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePackDto) {
    return this.packs.create(actor, dto);
  }

  @Get()
  @Roles(...FLEET_MANAGERS, ...SCHOOL_STAFF)
  list(@CurrentActor() actor: Actor, @Query() query: ListPacksQuery) {
    return this.packs.list(actor, query);
  }

  @Get(':id')
  @Roles(...FLEET_MANAGERS, ...SCHOOL_STAFF)
  get(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    return this.packs.detail(actor, id);
  }

  @Patch(':id')
  @Roles(...FLEET_MANAGERS)
  update(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string, @Body() dto: UpdatePackDto) {
    return this.packs.update(actor, id, dto);
  }
}
