import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OS_FAMILIES, OsFamily, sqlList } from '@socle/fleet';

export const APP_CATEGORIES = [
  'office_suite',
  'spell_checker',
  'book_creator',
  'audio_video',
  'image',
  'subject_software',
  'resource',
  'other',
] as const;
export type AppCategory = (typeof APP_CATEGORIES)[number];

/** An app the collectivité chose for its schools: bundle id (Apple), package name (Android) or package (laptops). */
@Entity('catalog_apps')
@Index('uq_catalog_apps_identifier', ['collectiviteId', 'platform', 'identifier'], { unique: true })
@Check('chk_catalog_apps_platform', `platform IN (${sqlList(OS_FAMILIES)})`)
@Check('chk_catalog_apps_category', `category IN (${sqlList(APP_CATEGORIES)})`)
export class CatalogApp {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collectivite_id', type: 'uuid' })
  collectiviteId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  platform: OsFamily;

  @Column({ type: 'text' })
  identifier: string;

  @Column({ type: 'text' })
  category: AppCategory;

  @Column({ name: 'managed_configuration', type: 'jsonb', nullable: true })
  managedConfiguration: Record<string, unknown> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
