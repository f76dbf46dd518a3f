import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const LIST_VERSION_STATUSES = ['importing', 'ready', 'failed'] as const;
export type ListVersionStatus = (typeof LIST_VERSION_STATUSES)[number];

/**
 * One import of the category lists. Lists are platform-wide (the UT1 lists are the same for every
 * collectivité; collectivités add their own domains in their policies). Exactly one ready version
 * is active; lookups and exports read only that one, so an import never shows half a list.
 */
@Entity('filtering_list_versions')
@Index('uq_filtering_list_versions_version', ['version'], { unique: true })
@Index('uq_filtering_list_versions_active', ['active'], { unique: true, where: 'active' })
@Check('chk_filtering_list_versions_status', `status IN ('importing', 'ready', 'failed')`)
@Check('chk_filtering_list_versions_active_ready', `NOT active OR status = 'ready'`)
export class ListVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** 1, 2, 3…: what people say ("la version 4 des listes"). */
  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text', default: 'importing' })
  status: ListVersionStatus;

  @Column({ type: 'boolean', default: false })
  active: boolean;

  /** The archive's file name or the folder imported. */
  @Column({ type: 'text' })
  source: string;

  @Column({ name: 'category_count', type: 'integer', default: 0 })
  categoryCount: number;

  @Column({ name: 'domain_count', type: 'integer', default: 0 })
  domainCount: number;

  @Column({ name: 'url_count', type: 'integer', default: 0 })
  urlCount: number;

  /** Lines that were neither a comment nor a valid entry. */
  @Column({ name: 'skipped_lines', type: 'integer', default: 0 })
  skippedLines: number;

  /** Lines read so far, updated while the import runs. */
  @Column({
    name: 'progress_lines',
    type: 'bigint',
    default: 0,
    transformer: { to: (value?: number) => value, from: (value: string) => Number(value) },
  })
  progressLines: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true })
  activatedAt: Date | null;
}
