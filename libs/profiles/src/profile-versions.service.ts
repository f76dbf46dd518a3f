import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '@socle/core';
import { DeliveryJobs } from '@socle/delivery';
import { ProfileContentDto } from './dto/profile-content.dto';
import { ProfileAssignmentsService } from './profile-assignments.service';
import { ProfileConvergenceService } from './profile-convergence.service';
import { ProfilesService, ProfileView } from './profiles.service';

/** A new version replaces the old one on every device its assignments reach, in the same transaction. */
@Injectable()
export class ProfileVersionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: ProfilesService,
    private readonly assignments: ProfileAssignmentsService,
    private readonly convergence: ProfileConvergenceService,
    private readonly jobs: DeliveryJobs,
  ) {}

  async publish(
    actor: Actor,
    profileId: string,
    dto: ProfileContentDto,
  ): Promise<ProfileView & { commandsQueued: number }> {
    const commandIds = await this.dataSource.transaction(async (manager) => {
      await this.profiles.addVersion(manager, actor, profileId, dto);
      return this.convergence.converge(manager, await this.assignments.scopeOfProfile(manager, profileId));
    });
    await this.jobs.enqueueAfterCommit(commandIds);
    return { ...(await this.profiles.view(actor, profileId)), commandsQueued: commandIds.length };
  }
}
