import { Module } from '@nestjs/common';
import { ActorLoader } from '@socle/core';
import { CollectivitesService } from './collectivites.service';
import { DatabaseActorLoader } from './database-actor-loader';
import { SchoolsService } from './schools.service';
import { UsersService } from './users.service';

/** The tenancy rules, without HTTP: the gateway and the worker use them too. */
@Module({
  providers: [
    CollectivitesService,
    UsersService,
    SchoolsService,
    { provide: ActorLoader, useClass: DatabaseActorLoader },
  ],
  exports: [CollectivitesService, UsersService, SchoolsService, ActorLoader],
})
export class TenancyModule {}
