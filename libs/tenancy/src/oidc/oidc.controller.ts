import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, CurrentActor, ParseId, Public, Role, Roles, SocleConfig } from '@socle/core';
import { PutOidcDto } from './dto/put-oidc.dto';
import { OidcLoginRefused, OidcLoginService } from './oidc-login.service';
import { OidcSettingsService } from './oidc-settings.service';

/**
 * The browser side of single sign-on. The callback lands on the console with the token in the URL
 * fragment (`/#accessToken=…&expiresIn=…`): a fragment never reaches a server or its logs, and
 * the console removes it from the address bar at once. A refusal lands on `/#/connexion?erreur=CODE`.
 */
@ApiTags('auth')
@Controller()
export class OidcController {
  constructor(
    private readonly settings: OidcSettingsService,
    private readonly logins: OidcLoginService,
    private readonly config: SocleConfig,
  ) {}

  @Put('collectivites/:id/oidc')
  @ApiBearerAuth()
  @Roles(Role.CollectiviteAdmin)
  put(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string, @Body() dto: PutOidcDto) {
    return this.settings.put(actor, id, dto);
  }

  @Get('auth/oidc/:collectiviteId/login')
  @Public()
  async login(@Param('collectiviteId', ParseId) collectiviteId: string, @Res() response: Response) {
    response.redirect(302, await this.logins.start(collectiviteId));
  }

  @Get('auth/oidc/callback')
  @Public()
  async callback(@Query() query: Record<string, string>, @Res() response: Response) {
    const console = this.config.publicUrl.replace(/\/$/, '');
    try {
      const { accessToken, expiresIn } = await this.logins.finish(query);
      response.redirect(302, `${console}/#accessToken=${encodeURIComponent(accessToken)}&expiresIn=${expiresIn}`);
    } catch (error) {
      if (!(error instanceof OidcLoginRefused)) throw error;
      response.redirect(302, `${console}/#/connexion?erreur=${error.code}`);
    }
  }
}
