import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Actor } from './actor';
import { Role } from './role';

export const PUBLIC_ROUTE = 'socle:public';
export const ALLOWED_ROLES = 'socle:roles';

/** No bearer token needed (login, health, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles may call the route; the others get 403 ROLE_FORBIDDEN. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<{ actor: Actor }>().actor;
});
