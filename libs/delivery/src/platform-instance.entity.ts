import { Column, Entity, Generated, PrimaryColumn } from 'typeorm';

/**
 * One row, created with the database: its id goes into BullMQ job ids, so a database that was reset
 * never mistakes the completed jobs Redis still remembers for its own.
 */
@Entity('platform_instance')
export class PlatformInstance {
  @PrimaryColumn({ type: 'boolean', default: true })
  singleton: boolean;

  @Column({ type: 'uuid' })
  @Generated('uuid')
  id: string;
}
