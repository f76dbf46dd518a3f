import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { Response } from 'express';
import { Actor, CurrentActor, FLEET_MANAGERS, PageQuery, ParseId, Roles, validationFailed } from '@socle/core';
import { OS_FAMILIES, OsFamily } from '@socle/fleet';
import { AssignProfileDto } from './dto/assign-profile.dto';
import { CreateProfileDto, ProfileContentDto } from './dto/profile-content.dto';
import { ProfileAssignmentsService } from './profile-assignments.service';
import { ProfileRenderService } from './profile-render.service';
import { ProfileStatusService } from './profile-status.service';
import { ProfileVersionsService } from './profile-versions.service';
import { ProfilesService } from './profiles.service';

class RenderQuery {
  @ApiProperty({ enum: OS_FAMILIES })
  @IsIn(OS_FAMILIES)
  osFamily: OsFamily;
}

const ParseVersion = new ParseIntPipe({
  exceptionFactory: () => validationFailed([{ field: 'v', problems: ['version must be a whole number'] }]),
});

@ApiTags('profiles')
@ApiBearerAuth()
@Controller('profiles')
export class ProfilesController {
  constructor(
    private readonly profiles: ProfilesService,
    private readonly versions: ProfileVersionsService,
    private readonly assignments: ProfileAssignmentsService,
    private readonly statuses: ProfileStatusService,
    private readonly renders: ProfileRenderService,
  ) {}

  @Post()
  @Roles(...FLEET_MANAGERS)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProfileDto) {
    return this.profiles.create(actor, dto);
  }

  @Get()
  @Roles(...FLEET_MANAGERS)
  list(@CurrentActor() actor: Actor, @Query() page: PageQuery) {
    return this.profiles.list(actor, page.limit, page.cursor);
  }

  @Get(':id')
  @Roles(...FLEET_MANAGERS)
  get(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    return this.profiles.view(actor, id);
  }

  @Post(':id/versions')
  @Roles(...FLEET_MANAGERS)
  publish(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string, @Body() dto: ProfileContentDto) {
    return this.versions.publish(actor, id, dto);
  }

  @Post(':id/assignments')
  @Roles(...FLEET_MANAGERS)
  assign(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string, @Body() dto: AssignProfileDto) {
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

  @Get(':id/status')
  @Roles(...FLEET_MANAGERS)
  status(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    return this.statuses.status(actor, id);
  }

  /** Exactly what a device of that OS gets; the renderer's warnings travel in X-Socle-Warnings (JSON, URI-encoded). */
  @Get(':id/versions/:v/render')
  @Roles(...FLEET_MANAGERS)
  async render(
    @CurrentActor() actor: Actor,
    @Param('id', ParseId) id: string,
    @Param('v', ParseVersion) version: number,
    @Query() query: RenderQuery,
    @Res() response: Response,
  ) {
    const rendered = await this.renders.renderForActor(actor, id, version, query.osFamily);
    response.setHeader('x-socle-warnings', encodeURIComponent(JSON.stringify(rendered.warnings)));
    response.setHeader('content-disposition', `attachment; filename="${rendered.fileName}"`);
    response.type(rendered.contentType);
    response.send(Buffer.isBuffer(rendered.body) ? rendered.body : JSON.stringify(rendered.body, null, 2));
  }
}
