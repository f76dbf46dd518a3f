import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CommandSetsService } from '@socle/delivery';
import { effectivePolicy, policyRevision } from '../policies/effective-policy';
import { FilteringScope, policyChains } from '../policies/policy-chains';
import { FILTERING_FORMAT_VERSION } from './render/rendered-filtering';

/**
 * Filtering rides the command pipeline with its own command types: each device holds one filtering
 * revision (device_filtering), its context's effective policy says which one it should hold, and
 * the difference becomes install_filtering / remove_filtering commands, written by delivery
 * (CommandSetsService.convergeFiltering) — set-based, in the caller's transaction.
 */
@Injectable()
export class FilteringConvergenceService {
  constructor(private readonly commands: CommandSetsService) {}

  async desiredRevisions(manager: EntityManager, scope: FilteringScope): Promise<Map<string, string | null>> {
    const chains = await policyChains(manager, scope);
    return new Map(
      [...chains].map(([context, chain]) => [
        context,
        policyRevision(effectivePolicy(chain), FILTERING_FORMAT_VERSION),
      ]),
    );
  }

  async converge(manager: EntityManager, scope: FilteringScope): Promise<string[]> {
    if (!scope.packIds.length && !scope.unpackedCollectiviteIds.length) return [];
    return this.commands.convergeFiltering(manager, scope, await this.desiredRevisions(manager, scope));
  }
}
