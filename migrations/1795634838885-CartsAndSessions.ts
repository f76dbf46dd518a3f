import { MigrationInterface, QueryRunner } from 'typeorm';

export class CartsAndSessions1795634838885 implements MigrationInterface {
  name = 'CartsAndSessions1795634838885';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The exclusion constraint on class_sessions compares pack_id (a uuid) with "=" inside a GiST
    // index, which needs btree_gist. Creating it takes a role allowed to (see README, "Database").
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(
      `CREATE TABLE "class_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collectivite_id" uuid NOT NULL, "school_id" uuid NOT NULL, "pack_id" uuid NOT NULL, "classroom_id" uuid NOT NULL, "teacher_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "planned_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "allowed_app_ids" uuid array NOT NULL DEFAULT '{}', "allowed_domains" text array NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'scheduled', "started_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "end_reason" text, "screens_locked" boolean NOT NULL DEFAULT false, "return_checked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_class_sessions_length" CHECK (planned_ends_at - starts_at <= interval '8 hours'), CONSTRAINT "chk_class_sessions_range" CHECK (ends_at > starts_at AND ends_at <= planned_ends_at), CONSTRAINT "chk_class_sessions_end_reason" CHECK (end_reason IS NULL OR end_reason IN ('scheduled', 'teacher', 'missed')), CONSTRAINT "chk_class_sessions_status" CHECK (status IN ('scheduled', 'active', 'ended', 'cancelled')), CONSTRAINT "xcl_class_sessions_pack_time" EXCLUDE USING gist (pack_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status <> 'cancelled'), CONSTRAINT "PK_dc034da48c6e0cf95c51f606c4e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_class_sessions_due_check" ON "class_sessions" ("ended_at") WHERE status = 'ended' AND return_checked_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_class_sessions_due_end" ON "class_sessions" ("ends_at") WHERE status = 'active'`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_class_sessions_due_start" ON "class_sessions" ("starts_at") WHERE status = 'scheduled'`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_class_sessions_pack_time" ON "class_sessions" ("pack_id", "starts_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "class_session_unreturned_devices" ("session_id" uuid NOT NULL, "device_id" uuid NOT NULL, "slot_number" smallint, "docked" boolean, "charging" boolean, "last_seen_at" TIMESTAMP WITH TIME ZONE, "message" text NOT NULL, CONSTRAINT "pk_class_session_unreturned_devices" PRIMARY KEY ("session_id", "device_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "class_session_commands" ("command_id" uuid NOT NULL, "session_id" uuid NOT NULL, "device_id" uuid NOT NULL, "type" text NOT NULL, CONSTRAINT "pk_class_session_commands" PRIMARY KEY ("command_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_class_session_commands_session" ON "class_session_commands" ("session_id", "type") `,
    );
    await queryRunner.query(
      `CREATE TABLE "device_dock_states" ("device_id" uuid NOT NULL, "docked" boolean NOT NULL, "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_device_dock_states" PRIMARY KEY ("device_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "carts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collectivite_id" uuid NOT NULL, "school_id" uuid NOT NULL, "label" text NOT NULL, "location" text NOT NULL, "slot_count" smallint NOT NULL, "has_charging" boolean NOT NULL DEFAULT true, "has_sync" boolean NOT NULL DEFAULT false, "has_anti_theft_lock" boolean NOT NULL DEFAULT false, "pack_id" uuid, "pack_capacity" smallint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_carts_id_slot_count" UNIQUE ("id", "slot_count"), CONSTRAINT "uq_carts_pack" UNIQUE ("pack_id"), CONSTRAINT "uq_carts_school_label" UNIQUE ("school_id", "label"), CONSTRAINT "chk_carts_pack_fits" CHECK ((pack_id IS NULL AND pack_capacity IS NULL) OR (pack_id IS NOT NULL AND slot_count >= pack_capacity)), CONSTRAINT "chk_carts_slot_count" CHECK (slot_count BETWEEN 1 AND 60), CONSTRAINT "PK_b5f695a59f5ebb50af3c8160816" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "cart_slots" ("cart_id" uuid NOT NULL, "slot_number" smallint NOT NULL, "cart_slot_count" smallint NOT NULL, "device_id" uuid NOT NULL, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_cart_slots_device" UNIQUE ("device_id"), CONSTRAINT "chk_cart_slots_number" CHECK (slot_number BETWEEN 1 AND cart_slot_count), CONSTRAINT "pk_cart_slots" PRIMARY KEY ("cart_id", "slot_number"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collectivite_id" uuid NOT NULL, "school_id" uuid, "kind" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "entity_type" text NOT NULL, "entity_id" uuid NOT NULL, "data" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_notifications_kind" CHECK (kind IN ('devices_not_returned')), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_notifications_tenant_time" ON "notifications" ("collectivite_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_notifications_kind_subject" ON "notifications" ("kind", "entity_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cart_access_points" ("cart_id" uuid NOT NULL, "ssid" text NOT NULL, "bssid" text, "margin_minutes" smallint NOT NULL DEFAULT '15', "token_hash" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_cart_access_points_margin" CHECK (margin_minutes BETWEEN 0 AND 120), CONSTRAINT "pk_cart_access_points" PRIMARY KEY ("cart_id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cart_access_points_token" ON "cart_access_points" ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "access_point_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cart_id" uuid NOT NULL, "is_on" boolean NOT NULL, "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_692c1a71d24bf58fd3053813408" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_access_point_reports_time" ON "access_point_reports" ("cart_id", "reported_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "class_sessions" ADD CONSTRAINT "fk_class_sessions_school" FOREIGN KEY ("school_id", "collectivite_id") REFERENCES "schools"("id","collectivite_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "class_sessions" ADD CONSTRAINT "fk_class_sessions_pack" FOREIGN KEY ("pack_id") REFERENCES "packs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "class_sessions" ADD CONSTRAINT "fk_class_sessions_classroom" FOREIGN KEY ("classroom_id") REFERENCES "classrooms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "class_sessions" ADD CONSTRAINT "fk_class_sessions_teacher" FOREIGN KEY ("teacher_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "class_session_unreturned_devices" ADD CONSTRAINT "fk_class_session_unreturned_session" FOREIGN KEY ("session_id") REFERENCES "class_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "class_session_unreturned_devices" ADD CONSTRAINT "fk_class_session_unreturned_device" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "class_session_commands" ADD CONSTRAINT "fk_class_session_commands_command" FOREIGN KEY ("command_id") REFERENCES "device_commands"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "class_session_commands" ADD CONSTRAINT "fk_class_session_commands_session" FOREIGN KEY ("session_id") REFERENCES "class_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "device_dock_states" ADD CONSTRAINT "fk_device_dock_states_device" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "carts" ADD CONSTRAINT "fk_carts_school" FOREIGN KEY ("school_id", "collectivite_id") REFERENCES "schools"("id","collectivite_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "carts" ADD CONSTRAINT "fk_carts_pack_capacity" FOREIGN KEY ("pack_id", "pack_capacity") REFERENCES "packs"("id","capacity") ON DELETE RESTRICT ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "cart_slots" ADD CONSTRAINT "fk_cart_slots_cart" FOREIGN KEY ("cart_id", "cart_slot_count") REFERENCES "carts"("id","slot_count") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "cart_slots" ADD CONSTRAINT "fk_cart_slots_device" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "fk_notifications_collectivite" FOREIGN KEY ("collectivite_id") REFERENCES "collectivites"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cart_access_points" ADD CONSTRAINT "fk_cart_access_points_cart" FOREIGN KEY ("cart_id") REFERENCES "carts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "access_point_reports" ADD CONSTRAINT "fk_access_point_reports_access_point" FOREIGN KEY ("cart_id") REFERENCES "cart_access_points"("cart_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "access_point_reports" DROP CONSTRAINT "fk_access_point_reports_access_point"`,
    );
    await queryRunner.query(`ALTER TABLE "cart_access_points" DROP CONSTRAINT "fk_cart_access_points_cart"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "fk_notifications_collectivite"`);
    await queryRunner.query(`ALTER TABLE "cart_slots" DROP CONSTRAINT "fk_cart_slots_device"`);
    await queryRunner.query(`ALTER TABLE "cart_slots" DROP CONSTRAINT "fk_cart_slots_cart"`);
    await queryRunner.query(`ALTER TABLE "carts" DROP CONSTRAINT "fk_carts_pack_capacity"`);
    await queryRunner.query(`ALTER TABLE "carts" DROP CONSTRAINT "fk_carts_school"`);
    await queryRunner.query(`ALTER TABLE "device_dock_states" DROP CONSTRAINT "fk_device_dock_states_device"`);
    await queryRunner.query(`ALTER TABLE "class_session_commands" DROP CONSTRAINT "fk_class_session_commands_session"`);
    await queryRunner.query(`ALTER TABLE "class_session_commands" DROP CONSTRAINT "fk_class_session_commands_command"`);
    await queryRunner.query(
      `ALTER TABLE "class_session_unreturned_devices" DROP CONSTRAINT "fk_class_session_unreturned_device"`,
    );
    await queryRunner.query(
      `ALTER TABLE "class_session_unreturned_devices" DROP CONSTRAINT "fk_class_session_unreturned_session"`,
    );
    await queryRunner.query(`ALTER TABLE "class_sessions" DROP CONSTRAINT "fk_class_sessions_teacher"`);
    await queryRunner.query(`ALTER TABLE "class_sessions" DROP CONSTRAINT "fk_class_sessions_classroom"`);
    await queryRunner.query(`ALTER TABLE "class_sessions" DROP CONSTRAINT "fk_class_sessions_pack"`);
    await queryRunner.query(`ALTER TABLE "class_sessions" DROP CONSTRAINT "fk_class_sessions_school"`);
    await queryRunner.query(`DROP INDEX "public"."idx_access_point_reports_time"`);
    await queryRunner.query(`DROP TABLE "access_point_reports"`);
    await queryRunner.query(`DROP INDEX "public"."uq_cart_access_points_token"`);
    await queryRunner.query(`DROP TABLE "cart_access_points"`);
    await queryRunner.query(`DROP INDEX "public"."uq_notifications_kind_subject"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notifications_tenant_time"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TABLE "cart_slots"`);
    await queryRunner.query(`DROP TABLE "carts"`);
    await queryRunner.query(`DROP TABLE "device_dock_states"`);
    await queryRunner.query(`DROP INDEX "public"."idx_class_session_commands_session"`);
    await queryRunner.query(`DROP TABLE "class_session_commands"`);
    await queryRunner.query(`DROP TABLE "class_session_unreturned_devices"`);
    await queryRunner.query(`DROP INDEX "public"."idx_class_sessions_pack_time"`);
    await queryRunner.query(`DROP INDEX "public"."idx_class_sessions_due_start"`);
    await queryRunner.query(`DROP INDEX "public"."idx_class_sessions_due_end"`);
    await queryRunner.query(`DROP INDEX "public"."idx_class_sessions_due_check"`);
    await queryRunner.query(`DROP TABLE "class_sessions"`);
    // btree_gist stays: other objects of the database may use it.
  }
}
