import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { DeviceCommand } from '@socle/delivery';
import { ClassSession } from './class-session.entity';

/**
 * Which device commands a session issued, so that its status, its end and its lock/unlock find
 * them by key instead of searching every device's command history by payload.
 */
@Entity('class_session_commands')
@Index('idx_class_session_commands_session', ['sessionId', 'type'])
export class ClassSessionCommand {
  @PrimaryColumn({ name: 'command_id', type: 'uuid', primaryKeyConstraintName: 'pk_class_session_commands' })
  commandId: string;

  @OneToOne(() => DeviceCommand, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'command_id', foreignKeyConstraintName: 'fk_class_session_commands_command' })
  command?: DeviceCommand;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => ClassSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_class_session_commands_session' })
  session?: ClassSession;

  @Column({ name: 'device_id', type: 'uuid' })
  deviceId: string;

  @Column({ type: 'text' })
  type: string;
}
