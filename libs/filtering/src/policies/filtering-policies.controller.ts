import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, FLEET_MANAGERS, PageQuery, ParseId, Roles } from '@socle/core';
import { AssignFilteringPolicyDto } from './dto/filtering-target.dto';
import { FilteringPolicyDto } from './dto/filtering-policy.dto';
import { FilteringAssignmentsService } from './filtering-assignments.service';
import { FilteringPoliciesService } from './filtering-policies.service';

@ApiTags('filtering')
@ApiBearerAuth()
@Controller('filtering-policies')
export class FilteringPoliciesController {
  constructor(
    private readonly policies: FilteringPoliciesService,
    private readonly assignments: FilteringAssignmentsService,
  ) {}

  @Post()
  @Roles(...FLEET_MANAGERS)
  create(@CurrentActor() actor: Actor, @Body() dto: FilteringPolicyDto) {
    return this.policies.create(actor, dto);
  }

  @Get()
  @Roles(...FLEET_MANAGERS)
  list(@CurrentActor() actor: Actor, @Query() page: PageQuery) {
    return this.policies.list(actor, page);
  }

  @Get(':id')
  @Roles(...FLEET_MANAGERS)
  get(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    return this.policies.view(actor, id);
  }

  @Put(':id')
  @Roles(...FLEET_MANAGERS)
  replace(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string, @Body() dto: FilteringPolicyDto) {
    return this.policies.update(actor, id, dto);
  }

  @Delete(':id')
  @Roles(...FLEET_MANAGERS)
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    return this.policies.remove(actor, id);
  }

  @Post(':id/assignments')
  @Roles(...FLEET_MANAGERS)
  assign(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string, @Body() dto: AssignFilteringPolicyDto) {
    return this.assignments.assign(actor, id, dto);
  }

  @Get(':id/assignments')
  @Roles(...FLEET_MANAGERS)
  listAssignments(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    return this.assignments.list(actor, id);
  }

  @Delete(':id/assignments/:assignmentId')
  @Roles(...FLEET_MANAGERS)
  unassign(
    @CurrentActor() actor: Actor,
    @Param('id', ParseId) id: string,
    @Param('assignmentId', ParseId) assignmentId: string,
  ) {
    return this.assignments.unassign(actor, id, assignmentId);
  }
}
