import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, FLEET_MANAGERS, ListQuery, ParseId, Roles, SCHOOL_STAFF } from '@socle/core';
import { CreateClassroomDto } from './dto/create-classroom.dto';
import { CreateSchoolDto } from './dto/create-school.dto';
import { UpdateSchoolDto } from './dto/update-school.dto';
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
  list(@CurrentActor() actor: Actor, @Query() query: ListQuery) {
    return this.schools.list(actor, query);
  }

  @Get(':id')
  @Roles(...FLEET_MANAGERS, ...SCHOOL_STAFF)
  get(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    return this.schools.findVisible(actor, id);
  }

  /** Corrects the name, the number of classes or the measured bandwidth (both drive the socle report). */
  @Patch(':id')
  @Roles(...FLEET_MANAGERS)
  update(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string, @Body() dto: UpdateSchoolDto) {
    return this.schools.update(actor, id, dto);
  }

  /** 409 SCHOOL_NOT_EMPTY while packs, carts or sessions hold it. */
  @Delete(':id')
  @Roles(...FLEET_MANAGERS)
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string): Promise<void> {
    await this.schools.remove(actor, id);
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
