import { HttpStatus } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { JwtService } from '@nestjs/jwt';
import type { NextFunction, Request, Response } from 'express';
import { ActorLoader, AuthGuard, Role, Roles, SocleError } from '@socle/core';

export const QUEUE_DASHBOARD_COOKIE = 'socle_queues';
export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';

/** Carries the dashboard's rule, read by the same AuthGuard as every route: platform_admin only. */
class QueueDashboardRoute {
  @Roles(Role.PlatformAdmin)
  open(): void {}
}

/**
 * In front of the dashboard: a browser sends no bearer header, so the token may come in the
 * `socle_queues` cookie (set by POST /api/v1/admin/queues/session, scoped to the dashboard's path).
 * Either way the request goes through the API's own AuthGuard, so a logged-out, disabled or demoted
 * account loses the dashboard as it loses the API.
 */
export function queueDashboardAccess(moduleRef: ModuleRef) {
  return async (request: Request, response: Response, next: NextFunction) => {
    try {
      if (!request.headers.authorization) {
        const token = cookie(request.headers.cookie, QUEUE_DASHBOARD_COOKIE);
        if (token) request.headers.authorization = `Bearer ${token}`;
      }
      const guard = new AuthGuard(
        moduleRef.get(Reflector, { strict: false }),
        moduleRef.get(JwtService, { strict: false }),
        moduleRef.get(ActorLoader, { strict: false }),
      );
      const route = new QueueDashboardRoute();
      await guard.canActivate(new ExecutionContextHost([request, response, next], QueueDashboardRoute, route.open));
      next();
    } catch (error) {
      const known = error instanceof SocleError ? error : undefined;
      response.status(known?.status ?? HttpStatus.INTERNAL_SERVER_ERROR).json({
        statusCode: known?.status ?? HttpStatus.INTERNAL_SERVER_ERROR,
        code: known?.code ?? 'INTERNAL_ERROR',
        message: known?.message ?? 'Erreur interne : réessayez, puis prévenez l’exploitant si elle persiste.',
      });
    }
  };
}

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
