import { Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor, CoreErrorCode, CurrentActor, FLEET_MANAGERS, Roles, SocleError } from '@socle/core';
import { CSV_TYPE, download } from './file-response';
import { PurchaseDataService } from './purchase-data.service';

/** Purchase and maintenance data of the whole fleet, as a CSV to download, edit and send back. */
@ApiTags('lifecycle')
@ApiBearerAuth()
@Controller()
export class PurchaseDataController {
  constructor(private readonly purchaseData: PurchaseDataService) {}

  @Get('purchase-data.csv')
  @Roles(...FLEET_MANAGERS)
  @ApiProduces('text/csv')
  async export(@CurrentActor() actor: Actor) {
    return download(await this.purchaseData.exportCsv(actor), CSV_TYPE, 'donnees-achat.csv');
  }

  /** Columns: serialNumber plus any of the purchase fields; an empty cell leaves the field unchanged. */
  @Post('purchase-data')
  @Roles(...FLEET_MANAGERS)
  @HttpCode(200)
  @ApiConsumes('text/csv')
  import(@CurrentActor() actor: Actor, @Req() request: Request) {
    if (!request.is('text/csv')) {
      throw new SocleError(
        415,
        CoreErrorCode.UnsupportedMediaType,
        'Envoyez le fichier en text/csv (Content-Type: text/csv).',
      );
    }
    return this.purchaseData.importCsv(actor, request);
  }
}
