import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, FLEET_MANAGERS, PageQuery, ParseId, Roles } from '@socle/core';
import { bordereauCsv } from './bordereau-csv';
import { bordereauPdf } from './bordereau-pdf';
import { CreateRepriseDto } from './dto/create-reprise.dto';
import { CSV_TYPE, download, PDF_TYPE } from './file-response';
import { ReprisesService } from './reprises.service';

@ApiTags('lifecycle')
@ApiBearerAuth()
@Controller('reprises')
export class ReprisesController {
  constructor(private readonly reprises: ReprisesService) {}

  @Post()
  @Roles(...FLEET_MANAGERS)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRepriseDto) {
    return this.reprises.create(actor, dto);
  }

  @Get()
  @Roles(...FLEET_MANAGERS)
  list(@CurrentActor() actor: Actor, @Query() page: PageQuery) {
    return this.reprises.list(actor, page);
  }

  @Get(':id')
  @Roles(...FLEET_MANAGERS)
  get(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    return this.reprises.get(actor, id);
  }

  @Get(':id/bordereau.csv')
  @Roles(...FLEET_MANAGERS)
  @ApiProduces('text/csv')
  async csv(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    const reprise = await this.reprises.get(actor, id);
    return download(bordereauCsv(reprise), CSV_TYPE, `bordereau-${reprise.slipNumber}.csv`);
  }

  @Get(':id/bordereau.pdf')
  @Roles(...FLEET_MANAGERS)
  @ApiProduces('application/pdf')
  async pdf(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    const reprise = await this.reprises.get(actor, id);
    return download(await bordereauPdf(reprise), PDF_TYPE, `bordereau-${reprise.slipNumber}.pdf`);
  }
}
