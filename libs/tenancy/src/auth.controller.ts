import { Body, Controller, Get, HttpCode, Ip, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Actor, CurrentActor, Public } from '@socle/core';
import { PasswordResetsService } from './accounts/password-resets.service';
import { AuthService } from './auth.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { RedeemResetDto } from './dto/redeem-reset.dto';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly resets: PasswordResetsService,
  ) {}

  /** Failed attempts slow down per account and per address (429 LOGIN_SLOWED_DOWN, Retry-After). */
  @Post('login')
  @Public()
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Ip() address: string) {
    return this.auth.login(dto, address);
  }

  /** Who the bearer token belongs to, as the database says now (the console's first call). */
  @Get('me')
  @ApiBearerAuth()
  me(@CurrentActor() actor: Actor) {
    return this.users.me(actor);
  }

  @Post('logout')
  @ApiBearerAuth()
  @HttpCode(204)
  async logout(@CurrentActor() actor: Actor): Promise<void> {
    await this.auth.logout(actor);
  }

  @Put('password')
  @ApiBearerAuth()
  @HttpCode(204)
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(actor, dto);
  }

  /** Anyone holding the link an admin made; throttled per address like any public form. */
  @Post('password-reset')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(204)
  async redeemReset(@Body() dto: RedeemResetDto): Promise<void> {
    await this.resets.redeem(dto.token, dto.newPassword);
  }
}
