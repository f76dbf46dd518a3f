import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '@socle/core';
import { AuditLogService } from './audit-log.service';
import { AuditLogQuery } from './dto/audit-log.query';

/** Read-only on purpose: no route edits or deletes an entry (the database refuses it too). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Get()
  @Roles(Role.CollectiviteAdmin, Role.PlatformAdmin)
  list(@CurrentActor() actor: Actor, @Query() query: AuditLogQuery) {
    return this.auditLog.list(actor, query);
  }
}
