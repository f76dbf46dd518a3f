import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, CurrentActor, FLEET_MANAGERS, ParseId, Roles } from '@socle/core';
import { DnsExportsService } from './dns-exports.service';
import type { DnsExportFormat } from './dns-zone-writer';

/** For the school's resolver or proxy: the full category lists do not fit on a tablet. */
@ApiTags('filtering')
@ApiBearerAuth()
@Controller('filtering/exports')
export class DnsExportsController {
  constructor(private readonly exports: DnsExportsService) {}

  @Get(':schoolId/rpz')
  @Roles(...FLEET_MANAGERS)
  @ApiProduces('text/dns')
  rpz(@CurrentActor() actor: Actor, @Param('schoolId', ParseId) schoolId: string, @Res() response: Response) {
    return this.send(actor, schoolId, 'rpz', response);
  }

  @Get(':schoolId/unbound')
  @Roles(...FLEET_MANAGERS)
  @ApiProduces('text/plain')
  unbound(@CurrentActor() actor: Actor, @Param('schoolId', ParseId) schoolId: string, @Res() response: Response) {
    return this.send(actor, schoolId, 'unbound', response);
  }

  /** Visibility is checked before the first byte, so another collectivité's school is still a clean 404. */
  private async send(actor: Actor, schoolId: string, format: DnsExportFormat, response: Response): Promise<void> {
    const fileName = await this.exports.fileName(actor, schoolId, format);
    response.setHeader('content-type', format === 'rpz' ? 'text/dns; charset=utf-8' : 'text/plain; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="${fileName}"`);
    try {
      await this.exports.write(actor, schoolId, format, response);
      response.end();
    } catch (error) {
      // Headers are gone: cut the download so a truncated zone is never taken for a whole one.
      response.destroy(error as Error);
    }
  }
}
