import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ListCategory } from './list-category.entity';

/**
 * One line of a `domains` or `urls` file, normalised (lower-case punycode host, lower-case path).
 * Duplicates are kept as imported: the matcher and the exports collapse them, and a unique index
 * over millions of rows would only slow the import down.
 */
@Entity('filtering_list_entries')
@Index('idx_filtering_list_entries_category', ['versionId', 'categoryId'])
@Check('chk_filtering_list_entries_kind', `kind IN ('domain', 'url')`)
export class ListEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @Column({ name: 'category_id', type: 'smallint' })
  categoryId: number;

  @ManyToOne(() => ListCategory, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'version_id',
      referencedColumnName: 'versionId',
      foreignKeyConstraintName: 'fk_filtering_list_entries_category',
    },
    { name: 'category_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_filtering_list_entries_category' },
  ])
  category?: ListCategory;

  @Column({ type: 'text' })
  kind: 'domain' | 'url';

  /** `example.fr`, or `example.fr/path` for a URL entry. */
  @Column({ type: 'text' })
  value: string;
}
