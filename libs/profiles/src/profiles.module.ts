import { Module } from '@nestjs/common';
import { DeliveryModule } from '@socle/delivery';
import { FleetModule } from '@socle/fleet';
import { PkiModule } from '@socle/pki';
import { TenancyModule } from '@socle/tenancy';
import { CatalogService } from './catalog/catalog.service';
import { ProfileAssignmentsService } from './profile-assignments.service';
import { ProfileConvergenceService } from './profile-convergence.service';
import { ProfileRenderService } from './profile-render.service';
import { ProfileStatusService } from './profile-status.service';
import { ProfileVersionsService } from './profile-versions.service';
import { ProfilesService } from './profiles.service';

const SERVICES = [
  CatalogService,
  ProfilesService,
  ProfileVersionsService,
  ProfileAssignmentsService,
  ProfileConvergenceService,
  ProfileRenderService,
  ProfileStatusService,
];

@Module({ imports: [TenancyModule, FleetModule, PkiModule, DeliveryModule], providers: SERVICES, exports: SERVICES })
export class ProfilesModule {}
