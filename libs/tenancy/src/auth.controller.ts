import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { Actor, CurrentActor, Public } from '@socle/core';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @HttpCode(200)
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto);
  }

  /** Who the bearer token belongs to, as the database says now (the console's first call). */
  @Get('me')
  @ApiBearerAuth()
  me(@CurrentActor() actor: Actor) {
    return this.users.me(actor);
  }
}
