import { Body, Controller, Delete, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, ParseId, Role, Roles } from '@socle/core';
import { PasswordResetsService } from './accounts/password-resets.service';
import { UserAdminService } from './accounts/user-admin.service';
import { UpdateUserDto } from './dto/update-user.dto';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UserAdminService,
    private readonly resets: PasswordResetsService,
  ) {}

  @Patch(':id')
  @Roles(Role.PlatformAdmin, Role.CollectiviteAdmin)
  update(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(actor, id, dto);
  }

  @Delete(':id')
  @Roles(Role.PlatformAdmin, Role.CollectiviteAdmin)
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string): Promise<void> {
    await this.users.remove(actor, id);
  }

  /** A one-use link to hand to the person (shown once); it expires after SOCLE_PASSWORD_RESET_TTL_MINUTES. */
  @Post(':id/password-reset')
  @Roles(Role.PlatformAdmin, Role.CollectiviteAdmin)
  createReset(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    return this.resets.create(actor, id);
  }
}
