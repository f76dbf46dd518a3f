import { Injectable } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID, ValidateIf } from 'class-validator';
import { EntityManager } from 'typeorm';
import { Actor, SocleError, validationFailed } from '@socle/core';
import { SchoolsService } from '@socle/tenancy';
import { DeviceScope } from './device-scope';
import { PacksService } from './packs.service';

/**
 * Where a profile or a filtering policy is assigned: the whole collectivité, a school or a pack.
 * Defined once, here; profiles and filtering store it as (scope, target_id).
 */
export const ASSIGNMENT_LEVELS = ['collectivite', 'school', 'pack'] as const;
export type AssignmentLevel = (typeof ASSIGNMENT_LEVELS)[number];

/** Pack over school over collectivité: the more specific, the stronger when two assignments disagree. */
export const LEVEL_RANK: Record<AssignmentLevel, number> = { collectivite: 1, school: 2, pack: 3 };

export const LEVEL_LABELS: Record<AssignmentLevel, string> = {
  collectivite: 'la collectivité',
  school: "l'école",
  pack: 'le pack',
};

export interface AssignmentTarget {
  level: AssignmentLevel;
  targetId: string;
}

/** The body of an assignment: exactly one of the three targets. */
export class AssignmentTargetDto {
  @ApiPropertyOptional()
  @ValidateIf((dto: AssignmentTargetDto) => dto.packId !== undefined || (!dto.schoolId && !dto.collectiviteId))
  @IsUUID()
  packId?: string;

  @ApiPropertyOptional()
  @ValidateIf((dto: AssignmentTargetDto) => dto.schoolId !== undefined)
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional()
  @ValidateIf((dto: AssignmentTargetDto) => dto.collectiviteId !== undefined)
  @IsUUID()
  collectiviteId?: string;
}

/** Checked before anything is looked up: a body naming none or two targets is a 400. */
export function assertOneTarget(dto: AssignmentTargetDto): void {
  const named = (['packId', 'schoolId', 'collectiviteId'] as const).filter((key) => dto[key] !== undefined);
  if (named.length !== 1) {
    throw validationFailed([
      {
        field: 'packId|schoolId|collectiviteId',
        problems: ['exactly one of packId, schoolId or collectiviteId is required'],
      },
    ]);
  }
}

/** Resolves an assignment's target for the actor, and the devices it reaches. */
@Injectable()
export class AssignmentTargets {
  constructor(
    private readonly packs: PacksService,
    private readonly schools: SchoolsService,
  ) {}

  /** Another collectivité's pack, school or the collectivité itself answer 404, like missing ones. */
  async resolve(actor: Actor, dto: AssignmentTargetDto, manager: EntityManager): Promise<AssignmentTarget> {
    if (dto.packId) return { level: 'pack', targetId: (await this.packs.findVisible(actor, dto.packId, manager)).id };
    if (dto.schoolId)
      return { level: 'school', targetId: (await this.schools.findVisible(actor, dto.schoolId, manager)).id };
    if (dto.collectiviteId !== actor.tenantId()) {
      throw SocleError.notFound(
        'COLLECTIVITE_NOT_FOUND',
        "Cette collectivité n'existe pas ou ne vous est pas accessible.",
      );
    }
    return { level: 'collectivite', targetId: dto.collectiviteId };
  }

  /** Every device an assignment at this level reaches: its packs, and for the collectivité its devices outside any pack. */
  async scopeOf(manager: EntityManager, level: AssignmentLevel, targetId: string): Promise<DeviceScope> {
    if (level === 'pack') return { packIds: [targetId], unpackedCollectiviteIds: [] };
    const column = level === 'school' ? 'school_id' : 'collectivite_id';
    const packs: Array<{ id: string }> = await manager.query(`SELECT id FROM packs WHERE ${column} = $1`, [targetId]);
    return {
      packIds: packs.map((pack) => pack.id),
      unpackedCollectiviteIds: level === 'collectivite' ? [targetId] : [],
    };
  }

  /** The scope of several assignments together. */
  async scopeOfAll(
    manager: EntityManager,
    assignments: ReadonlyArray<{ scope: AssignmentLevel; targetId: string }>,
  ): Promise<DeviceScope> {
    const scopes = await Promise.all(assignments.map((one) => this.scopeOf(manager, one.scope, one.targetId)));
    return {
      packIds: [...new Set(scopes.flatMap((scope) => scope.packIds))],
      unpackedCollectiviteIds: [...new Set(scopes.flatMap((scope) => scope.unpackedCollectiviteIds))],
    };
  }
}
