import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, FLEET_MANAGERS, PageQuery, ParseId, Roles, SCHOOL_STAFF } from '@socle/core';
import { CreateClassroomDto } from './dto/create-classroom.dto';
import { CreateSchoolDto } from './dto/create-school.dto';
import { SchoolsService } from './schools.service';

@ApiTags('schools')
@ApiBearerAuth()
@Controller('schools')
export class SchoolsController {
  constructor(private readonly schools: SchoolsService) {}

  @Post()
  @Roles(...FLEET_MANAGERS)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateSchoolDto) {
    return this.schools.create(actor, dto);
  }

  @Get()
  @Roles(...FLEET_MANAGERS, ...SCHOOL_STAFF)
  list(@CurrentActor() actor: Actor, @Query() page: PageQuery) {
    return this.schools.list(actor, page);
  }

  @Get(':id')
  @Roles(...FLEET_MANAGERS, ...SCHOOL_STAFF)
  get(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    return this.schools.findVisible(actor, id);
  }

  @Post(':id/classrooms')
  @Roles(...FLEET_MANAGERS)
  createClassroom(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string, @Body() dto: CreateClassroomDto) {
    return this.schools.createClassroom(actor, id, dto);
  }

  @Get(':id/classrooms')
  @Roles(...FLEET_MANAGERS, ...SCHOOL_STAFF)
  listClassrooms(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    return this.schools.listClassrooms(actor, id);
  }
}
