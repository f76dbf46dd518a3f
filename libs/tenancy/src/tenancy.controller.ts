import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { Actor, CurrentActor, FLEET_MANAGERS, PageQuery, ParseId, Public, Role, Roles, SocleError } from '@socle/core';
import { AuthService } from './auth.service';
import { CollectivitesService } from './collectivites.service';
import { CreateClassroomDto } from './dto/create-classroom.dto';
import { CreateCollectiviteDto } from './dto/create-collectivite.dto';
import { CreateSchoolDto } from './dto/create-school.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { LoginDto } from './dto/login.dto';
import { SchoolsService } from './schools.service';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @HttpCode(200)
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto);
  }
}

@ApiTags('collectivites')
@ApiBearerAuth()
@Controller('collectivites')
export class CollectivitesController {
  constructor(private readonly collectivites: CollectivitesService, private readonly users: UsersService) {}

  @Post()
  @Roles(Role.PlatformAdmin)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCollectiviteDto) {
    return this.collectivites.create(actor, dto);
  }

  @Post(':id/users')
  @Roles(Role.PlatformAdmin, Role.CollectiviteAdmin)
  async createUser(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string, @Body() dto: CreateUserDto) {
    const collectivite = await this.collectivites.findVisible(actor, id);
    if (actor.role === Role.PlatformAdmin && dto.role !== Role.CollectiviteAdmin) {
      throw SocleError.forbidden('ROLE_FORBIDDEN', "L'opérateur crée les administrateurs de la collectivité ; eux créent ensuite techniciens et enseignants.");
    }
    return this.users.create(actor, collectivite.id, dto);
  }
}

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
  @Roles(...FLEET_MANAGERS, Role.Teacher)
  list(@CurrentActor() actor: Actor, @Query() page: PageQuery) {
    return this.schools.list(actor, page);
  }

  @Get(':id')
  @Roles(...FLEET_MANAGERS, Role.Teacher)
  get(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    return this.schools.findVisible(actor, id);
  }

  @Post(':id/classrooms')
  @Roles(...FLEET_MANAGERS)
  createClassroom(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string, @Body() dto: CreateClassroomDto) {
    return this.schools.createClassroom(actor, id, dto);
  }

  @Get(':id/classrooms')
  @Roles(...FLEET_MANAGERS, Role.Teacher)
  listClassrooms(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    return this.schools.listClassrooms(actor, id);
  }
}
