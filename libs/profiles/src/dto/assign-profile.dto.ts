import { AssignmentTargetDto } from '@socle/fleet';

/** Exactly one of the three targets (fleet's assignment target). */
export class AssignProfileDto extends AssignmentTargetDto {}
