import { Body, Controller, Delete, HttpCode, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, FLEET_MANAGERS, ParseId, Roles } from '@socle/core';
import { ClassroomsService } from './classrooms.service';
import { UpdateClassroomDto } from './dto/update-classroom.dto';

@ApiTags('schools')
@ApiBearerAuth()
@Controller('classrooms')
export class ClassroomsController {
  constructor(private readonly classrooms: ClassroomsService) {}

  @Patch(':id')
  @Roles(...FLEET_MANAGERS)
  update(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string, @Body() dto: UpdateClassroomDto) {
    return this.classrooms.update(actor, id, dto);
  }

  @Delete(':id')
  @Roles(...FLEET_MANAGERS)
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string): Promise<void> {
    await this.classrooms.remove(actor, id);
  }
}
