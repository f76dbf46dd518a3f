import { Body, Controller, Get, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor, CurrentActor, Public, Role, Roles, SocleError } from '@socle/core';
import { AndroidEnterpriseService } from './android-enterprise.service';
import { AttachEnterpriseDto, CompleteSignupDto, StartSignupDto } from './dto/enterprise.dto';

@ApiTags('android')
@ApiBearerAuth()
@Controller('android/enterprise')
export class AndroidEnterpriseController {
  constructor(private readonly enterprises: AndroidEnterpriseService) {}

  @Post('signup')
  @Roles(Role.CollectiviteAdmin)
  signup(@CurrentActor() actor: Actor, @Body() dto: StartSignupDto, @Req() request: Request) {
    return this.enterprises.startSignup(actor, dto.callbackUrl, `${request.protocol}://${request.get('host')}`);
  }

  @Post()
  @Roles(Role.CollectiviteAdmin)
  create(@CurrentActor() actor: Actor, @Body() dto: CompleteSignupDto) {
    return this.enterprises.completeSignup(actor, dto.signupUrlName, dto.enterpriseToken);
  }

  @Put()
  @Roles(Role.CollectiviteAdmin)
  attach(@CurrentActor() actor: Actor, @Body() dto: AttachEnterpriseDto) {
    return this.enterprises.attach(actor, dto.enterpriseName);
  }

  @Get()
  @Roles(Role.CollectiviteAdmin)
  show(@CurrentActor() actor: Actor) {
    return this.enterprises.get(actor);
  }

  /**
   * Google sends the admin's browser here (no bearer token: a redirect cannot carry one); the
   * `state` Socle put in the callback URL stands for the admin who started the signup. Lands on
   * the console either way, saying what happened.
   */
  @Get('callback')
  @Public()
  async callback(
    @Query('state') state: string | undefined,
    @Query('enterpriseToken') enterpriseToken: string | undefined,
    @Res() response: Response,
  ) {
    try {
      if (!state || !enterpriseToken)
        throw SocleError.badRequest('VALIDATION_FAILED', 'state et enterpriseToken requis');
      await this.enterprises.completeFromCallback(state, enterpriseToken);
      response.redirect(302, '/?android-enterprise=bound');
    } catch (error) {
      const code = error instanceof SocleError ? error.code : 'INTERNAL_ERROR';
      response.redirect(302, `/?android-enterprise=error&code=${encodeURIComponent(code)}`);
    }
  }
}
