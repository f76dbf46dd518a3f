import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, FLEET_MANAGERS, Roles, SCHOOL_STAFF } from '@socle/core';
import { FilteringRenderService } from '../delivery/filtering-render.service';
import { FilteringCheckQuery, FilteringRenderQuery, FilteringTargetQuery } from './dto/filtering-queries.dto';
import { EffectiveFilteringService } from './effective-filtering.service';

@ApiTags('filtering')
@ApiBearerAuth()
@Controller('filtering')
export class FilteringController {
  constructor(
    private readonly effective: EffectiveFilteringService,
    private readonly renders: FilteringRenderService,
  ) {}

  /** The policy a pack (or a school) ends up with, each rule with the level and policy that set it. */
  @Get('effective')
  @Roles(...FLEET_MANAGERS)
  effectivePolicy(@CurrentActor() actor: Actor, @Query() query: FilteringTargetQuery) {
    return this.effective.effectiveFor(actor, query);
  }

  /** `{allowed, category?, rule}` and why; teachers may ask for the packs of their schools. */
  @Get('check')
  @Roles(...FLEET_MANAGERS, ...SCHOOL_STAFF)
  check(@CurrentActor() actor: Actor, @Query() query: FilteringCheckQuery) {
    return this.effective.checkFor(actor, query);
  }

  /** What a pack's devices receive (the install_filtering payload), with the render's warnings. */
  @Get('render')
  @Roles(...FLEET_MANAGERS)
  render(@CurrentActor() actor: Actor, @Query() query: FilteringRenderQuery) {
    return this.renders.renderForActor(actor, query.packId, query.osFamily);
  }
}
