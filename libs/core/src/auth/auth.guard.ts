import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { SocleError } from '../errors/socle-error';
import { Actor } from './actor';
import { ActorLoader } from './actor-loader';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './decorators';
import { JwtClaims } from './jwt-claims';
import { Role } from './role';

/** Verifies the bearer token, loads the Actor from the database, then checks the route's roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly actors: ActorLoader,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string>; actor?: Actor }>();
    const actor = await this.authenticate(request.headers.authorization);
    request.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(actor.role)) {
      throw SocleError.forbidden(
        'ROLE_FORBIDDEN',
        "Votre rôle ne permet pas cette action : demandez-la à l'administrateur de votre collectivité.",
      );
    }
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Actor> {
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token)
      throw SocleError.unauthorized('UNAUTHENTICATED', 'Authentification requise : connectez-vous puis réessayez.');
    let claims: JwtClaims;
    try {
      claims = await this.jwt.verifyAsync<JwtClaims>(token);
    } catch {
      throw SocleError.unauthorized('TOKEN_INVALID', 'Votre session a expiré ou est invalide : reconnectez-vous.');
    }
    const actor = await this.actors.load(claims);
    if (!actor)
      throw SocleError.unauthorized(
        'TOKEN_INVALID',
        'Cette session a pris fin (déconnexion, mot de passe changé, compte désactivé ou supprimé) : reconnectez-vous.',
      );
    return actor;
  }
}
