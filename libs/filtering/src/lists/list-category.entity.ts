import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { ListVersion } from './list-version.entity';

/** A category of one list version (a UT1 directory: adult, gambling, phishing…). */
@Entity('filtering_list_categories')
@Unique('uq_filtering_list_categories_name', ['versionId', 'name'])
export class ListCategory {
  @PrimaryColumn({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @ManyToOne(() => ListVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'fk_filtering_list_categories_version' })
  version?: ListVersion;

  /** Small and dense, so the in-memory matcher can index flags by it. */
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'domain_count', type: 'integer', default: 0 })
  domainCount: number;

  @Column({ name: 'url_count', type: 'integer', default: 0 })
  urlCount: number;
}
