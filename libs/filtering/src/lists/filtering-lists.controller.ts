import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor, CurrentActor, FLEET_MANAGERS, onePage, ParseId, Role, Roles, SocleError } from '@socle/core';
import { ListImportService } from './list-import.service';

const ARCHIVE_TYPES = [
  'application/gzip',
  'application/x-gzip',
  'application/x-tar',
  'application/x-compressed-tar',
  'application/octet-stream',
];

/** Category lists are platform-wide: the operator imports them, everybody reads the active categories. */
@ApiTags('filtering')
@ApiBearerAuth()
@Controller('filtering')
export class FilteringListsController {
  constructor(private readonly lists: ListImportService) {}

  /** The body is the .tar.gz itself, streamed into the importer, never buffered whole. */
  @Post('lists')
  @Roles(Role.PlatformAdmin)
  @HttpCode(201)
  @ApiConsumes(...ARCHIVE_TYPES)
  upload(@CurrentActor() actor: Actor, @Req() request: Request) {
    if (!request.is(ARCHIVE_TYPES)) {
      throw new SocleError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        "Envoyez l'archive des listes (.tar.gz) en application/gzip.",
      );
    }
    const name = String(request.headers['x-file-name'] ?? 'archive envoyée').slice(0, 200);
    return this.lists.upload(actor, request, name);
  }

  @Get('lists')
  @Roles(Role.PlatformAdmin)
  versions() {
    return onePage(this.lists.versions());
  }

  @Get('lists/:id')
  @Roles(Role.PlatformAdmin)
  version(@Param('id', ParseId) id: string) {
    return this.lists.version(id);
  }

  @Post('lists/:id/activate')
  @Roles(Role.PlatformAdmin)
  @HttpCode(200)
  activate(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    return this.lists.activate(actor, id);
  }

  @Get('categories')
  @Roles(Role.PlatformAdmin, ...FLEET_MANAGERS)
  categories() {
    return this.lists.activeCategories();
  }
}
