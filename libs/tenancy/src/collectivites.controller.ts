import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, PageQuery, ParseId, Role, Roles, SocleError } from '@socle/core';
import { UserAdminService } from './accounts/user-admin.service';
import { CollectivitesService } from './collectivites.service';
import { CreateCollectiviteDto } from './dto/create-collectivite.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { UsersService } from './users.service';

@ApiTags('collectivites')
@ApiBearerAuth()
@Controller('collectivites')
export class CollectivitesController {
  constructor(
    private readonly collectivites: CollectivitesService,
    private readonly users: UsersService,
    private readonly userAdmin: UserAdminService,
  ) {}

  /** The operator: every collectivité with its administrators; anyone else: their own. */
  @Get()
  list(@CurrentActor() actor: Actor, @Query() page: PageQuery) {
    return this.collectivites.list(actor, page);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    return this.collectivites.findVisible(actor, id);
  }

  @Get(':id/users')
  @Roles(Role.PlatformAdmin, Role.CollectiviteAdmin)
  async listUsers(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string, @Query() page: PageQuery) {
    const collectivite = await this.collectivites.findVisible(actor, id);
    return this.userAdmin.list(collectivite.id, page);
  }

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
      throw SocleError.forbidden(
        'ROLE_FORBIDDEN',
        "L'opérateur crée les administrateurs de la collectivité ; eux créent ensuite techniciens et enseignants.",
      );
    }
    return this.users.create(actor, collectivite.id, dto);
  }
}
