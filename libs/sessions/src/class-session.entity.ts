import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Pack } from '@socle/fleet';
import { Classroom, School, User } from '@socle/tenancy';

export const SESSION_STATUSES = ['scheduled', 'active', 'ended', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** scheduled: at its end time; teacher: ended early; missed: its time passed before it could start. */
export const END_REASONS = ['scheduled', 'teacher', 'missed'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** A school day: no booking is longer (the schema refuses it too). */
export const MAX_SESSION_HOURS = 8;

/**
 * A teacher's booking of a pack for a classroom. Two bookings of one pack never overlap: the
 * exclusion constraint (btree_gist) refuses it whatever the code does, even under concurrent
 * requests. A session ended early gets `ends_at` = its real end, which frees the rest of the slot;
 * `planned_ends_at` keeps what was booked.
 */
@Entity('class_sessions')
@Exclusion(
  'xcl_class_sessions_pack_time',
  `USING gist (pack_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status <> 'cancelled')`,
)
@Check('chk_class_sessions_status', `status IN ('scheduled', 'active', 'ended', 'cancelled')`)
@Check('chk_class_sessions_end_reason', `end_reason IS NULL OR end_reason IN ('scheduled', 'teacher', 'missed')`)
@Check('chk_class_sessions_range', 'ends_at > starts_at AND ends_at <= planned_ends_at')
@Check('chk_class_sessions_length', `planned_ends_at - starts_at <= interval '${MAX_SESSION_HOURS} hours'`)
@Index('idx_class_sessions_pack_time', ['packId', 'startsAt'])
@Index('idx_class_sessions_due_start', ['startsAt'], { where: `status = 'scheduled'` })
@Index('idx_class_sessions_due_end', ['endsAt'], { where: `status = 'active'` })
@Index('idx_class_sessions_due_check', ['endedAt'], { where: `status = 'ended' AND return_checked_at IS NULL` })
export class ClassSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collectivite_id', type: 'uuid' })
  collectiviteId: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId: string;

  @ManyToOne(() => School, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'school_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_class_sessions_school' },
    {
      name: 'collectivite_id',
      referencedColumnName: 'collectiviteId',
      foreignKeyConstraintName: 'fk_class_sessions_school',
    },
  ])
  school?: School;

  @Column({ name: 'pack_id', type: 'uuid' })
  packId: string;

  @ManyToOne(() => Pack, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pack_id', foreignKeyConstraintName: 'fk_class_sessions_pack' })
  pack?: Pack;

  @Column({ name: 'classroom_id', type: 'uuid' })
  classroomId: string;

  @ManyToOne(() => Classroom, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'classroom_id', foreignKeyConstraintName: 'fk_class_sessions_classroom' })
  classroom?: Classroom;

  @Column({ name: 'teacher_id', type: 'uuid' })
  teacherId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'teacher_id', foreignKeyConstraintName: 'fk_class_sessions_teacher' })
  teacher?: User;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ name: 'planned_ends_at', type: 'timestamptz' })
  plannedEndsAt: Date;

  /** Catalogue apps of the pack's platform; empty: no app restriction. */
  @Column({ name: 'allowed_app_ids', type: 'uuid', array: true, default: () => "'{}'" })
  allowedAppIds: string[];

  /** Lower-case host names; empty: the usual filtering only. */
  @Column({ name: 'allowed_domains', type: 'text', array: true, default: () => "'{}'" })
  allowedDomains: string[];

  @Column({ type: 'text', default: 'scheduled' })
  status: SessionStatus;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason: EndReason | null;

  /** "Les yeux vers moi !": every screen locked now, until the teacher unlocks or the session ends. */
  @Column({ name: 'screens_locked', type: 'boolean', default: false })
  screensLocked: boolean;

  @Column({ name: 'return_checked_at', type: 'timestamptz', nullable: true })
  returnCheckedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
