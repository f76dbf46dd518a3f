import { Module } from '@nestjs/common';
import { ActorLoader } from '@socle/core';
import { AuthService } from './auth.service';
import { CollectivitesService } from './collectivites.service';
import { DatabaseActorLoader } from './database-actor-loader';
import { SchoolsService } from './schools.service';
import { UsersService } from './users.service';

/** The tenancy rules, without HTTP: the gateway and the worker use them too. */
@Module({
  providers: [AuthService, CollectivitesService, UsersService, SchoolsService, { provide: ActorLoader, useClass: DatabaseActorLoader }],
  exports: [AuthService, CollectivitesService, UsersService, SchoolsService, ActorLoader],
})
export class TenancyModule {}
