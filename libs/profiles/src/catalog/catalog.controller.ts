import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Actor, CurrentActor, FLEET_MANAGERS, PageQuery, Roles, SCHOOL_STAFF } from '@socle/core';
import { OS_FAMILIES, OsFamily } from '@socle/fleet';
import { CreateAppDto } from '../dto/create-app.dto';
import { CatalogService } from './catalog.service';

class ListAppsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: OS_FAMILIES })
  @IsOptional()
  @IsIn(OS_FAMILIES)
  platform?: OsFamily;
}

@ApiTags('apps')
@ApiBearerAuth()
@Controller('apps')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Post()
  @Roles(...FLEET_MANAGERS)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAppDto) {
    return this.catalog.create(actor, dto);
  }

  /** Teachers read the catalogue to choose a lesson's apps. */
  @Get()
  @Roles(...FLEET_MANAGERS, ...SCHOOL_STAFF)
  list(@CurrentActor() actor: Actor, @Query() query: ListAppsQuery) {
    return this.catalog.list(actor, query.platform, query.limit, query.cursor);
  }
}
