import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795631341908 implements MigrationInterface {
  name = 'Initial1795631341908';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "collectivites" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "kind" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_collectivites_kind" CHECK (kind IN ('commune', 'epci', 'departement', 'region')), CONSTRAINT "PK_1dee0a958b87b948bd3cd0d91ab" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "schools" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collectivite_id" uuid NOT NULL, "uai" character(8) NOT NULL, "name" text NOT NULL, "class_count" smallint NOT NULL, "bandwidth_mbps" numeric(8,2), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_schools_id_collectivite" UNIQUE ("id", "collectivite_id"), CONSTRAINT "chk_schools_bandwidth" CHECK (bandwidth_mbps IS NULL OR bandwidth_mbps >= 0), CONSTRAINT "chk_schools_class_count" CHECK (class_count BETWEEN 1 AND 60), CONSTRAINT "PK_95b932e47ac129dd8e23a0db548" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_schools_uai" ON "schools" ("uai") `);
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "password_hash" text NOT NULL, "role" text NOT NULL, "collectivite_id" uuid, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_users_tenant" CHECK ((role = 'platform_admin') = (collectivite_id IS NULL)), CONSTRAINT "chk_users_role" CHECK (role IN ('platform_admin', 'collectivite_admin', 'technician', 'teacher')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_email" ON "users" ("email") `);
    await queryRunner.query(
      `CREATE TABLE "classrooms" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "school_id" uuid NOT NULL, "name" text NOT NULL, "level" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_classrooms_school_name" UNIQUE ("school_id", "name"), CONSTRAINT "chk_classrooms_level" CHECK (level IN ('PS', 'MS', 'GS', 'CP', 'CE1', 'CE2', 'CM1', 'CM2')), CONSTRAINT "PK_20b7b82896c06eda27548bd0c24" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "certificate_authorities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "collectivite_id" uuid, "certificate_pem" text NOT NULL, "sealed_private_key" text NOT NULL, "not_after" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_certificate_authorities_kind" CHECK ((kind = 'root' AND collectivite_id IS NULL) OR (kind = 'collectivite' AND collectivite_id IS NOT NULL)), CONSTRAINT "PK_690283adc59b534105adf288da2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_certificate_authorities_collectivite" ON "certificate_authorities" ("collectivite_id") WHERE collectivite_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_certificate_authorities_root" ON "certificate_authorities" ("kind") WHERE kind = 'root'`,
    );
    await queryRunner.query(
      `CREATE TABLE "issued_certificates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "issuer_id" uuid NOT NULL, "kind" text NOT NULL, "device_id" uuid, "serial_number" text NOT NULL, "fingerprint" text NOT NULL, "subject" text NOT NULL, "certificate_pem" text NOT NULL, "sealed_private_key" text, "not_before" TIMESTAMP WITH TIME ZONE NOT NULL, "not_after" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revocation_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9a993193d4b8369f5a3fe9ae3da" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_issued_certificates_revoked" ON "issued_certificates" ("issuer_id") WHERE revoked_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_issued_certificates_issuer_serial" ON "issued_certificates" ("issuer_id", "serial_number") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_issued_certificates_fingerprint" ON "issued_certificates" ("fingerprint") `,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_user_id" uuid, "actor_role" text NOT NULL, "collectivite_id" uuid, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text, "summary" jsonb NOT NULL, "request_id" text, CONSTRAINT "PK_6b1623bcad4d04530b76548d619" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_audit_entries_entity" ON "audit_entries" ("entity_type", "entity_id") `);
    await queryRunner.query(
      `CREATE INDEX "idx_audit_entries_tenant_time" ON "audit_entries" ("collectivite_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "packs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collectivite_id" uuid NOT NULL, "school_id" uuid NOT NULL, "name" text NOT NULL, "device_kind" text NOT NULL, "os_family" text NOT NULL, "capacity" smallint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_packs_id_capacity" UNIQUE ("id", "capacity"), CONSTRAINT "uq_packs_id_tenant_os" UNIQUE ("id", "collectivite_id", "os_family"), CONSTRAINT "uq_packs_school_name" UNIQUE ("school_id", "name"), CONSTRAINT "chk_packs_device_kind" CHECK (device_kind IN ('tablet', 'laptop', 'tablet_pc')), CONSTRAINT "chk_packs_os_family" CHECK (os_family IN ('ipados', 'android', 'windows', 'chromeos', 'linux')), CONSTRAINT "chk_packs_capacity" CHECK (capacity IN (10, 12, 15)), CONSTRAINT "PK_da3c6e998aaa9331767c51e7f91" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "devices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collectivite_id" uuid NOT NULL, "serial_number" text NOT NULL, "model" text, "os_family" text NOT NULL, "os_version" text, "device_kind" text NOT NULL, "state" text NOT NULL DEFAULT 'registered', "pack_id" uuid, "pack_capacity" smallint, "position_in_pack" smallint, "certificate_id" uuid, "enrolled_at" TIMESTAMP WITH TIME ZONE, "last_checkin_at" TIMESTAMP WITH TIME ZONE, "battery_level" smallint, "battery_charging" boolean, "battery_health" smallint, "storage_free_bytes" bigint, "storage_total_bytes" bigint, "purchase_date" date, "warranty_end" date, "supplier" text, "maintenance_mode" text, "refurbished" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_devices_pack_position" UNIQUE ("pack_id", "position_in_pack"), CONSTRAINT "uq_devices_tenant_serial" UNIQUE ("collectivite_id", "serial_number"), CONSTRAINT "chk_devices_battery_health" CHECK (battery_health IS NULL OR battery_health BETWEEN 0 AND 100), CONSTRAINT "chk_devices_battery_level" CHECK (battery_level IS NULL OR battery_level BETWEEN 0 AND 100), CONSTRAINT "chk_devices_pack_position" CHECK ((pack_id IS NULL AND position_in_pack IS NULL AND pack_capacity IS NULL) OR (pack_id IS NOT NULL AND position_in_pack BETWEEN 1 AND pack_capacity)), CONSTRAINT "chk_devices_maintenance_mode" CHECK (maintenance_mode IS NULL OR maintenance_mode IN ('warranty_extension', 'maintenance_contract', 'municipal_staff', 'lease')), CONSTRAINT "chk_devices_device_kind" CHECK (device_kind IN ('tablet', 'laptop', 'tablet_pc')), CONSTRAINT "chk_devices_os_family" CHECK (os_family IN ('ipados', 'android', 'windows', 'chromeos', 'linux')), CONSTRAINT "chk_devices_state" CHECK (state IN ('registered', 'enrolled', 'active', 'locked', 'retiring', 'retired', 'taken_back')), CONSTRAINT "PK_b1514758245c12daf43486dd1f0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_devices_pack" ON "devices" ("pack_id") `);
    await queryRunner.query(
      `CREATE TABLE "enrollment_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collectivite_id" uuid NOT NULL, "pack_id" uuid NOT NULL, "token_hash" bytea NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "max_uses" integer NOT NULL, "use_count" integer NOT NULL DEFAULT '0', "created_by" uuid, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_enrollment_tokens_uses" CHECK (use_count >= 0 AND use_count <= max_uses AND max_uses >= 1), CONSTRAINT "PK_d9b043a74d8643fde7e6b948591" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_enrollment_tokens_pack" ON "enrollment_tokens" ("pack_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_enrollment_tokens_hash" ON "enrollment_tokens" ("token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "user_schools" ("user_id" uuid NOT NULL, "school_id" uuid NOT NULL, CONSTRAINT "PK_f52f234ff9ad503d734826e7d43" PRIMARY KEY ("user_id", "school_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_71989c1c9fe27940490c159af5" ON "user_schools" ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_0e341cf0d0c012ff88eaa2bb5f" ON "user_schools" ("school_id") `);
    await queryRunner.query(
      `ALTER TABLE "schools" ADD CONSTRAINT "FK_8ad6688a8769d6fe2a0468cddfc" FOREIGN KEY ("collectivite_id") REFERENCES "collectivites"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_6330bde30107d180084d24ba674" FOREIGN KEY ("collectivite_id") REFERENCES "collectivites"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "classrooms" ADD CONSTRAINT "FK_e646169186c787163efbef45f99" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "issued_certificates" ADD CONSTRAINT "FK_670bb85da27b66c9cd0d91c869f" FOREIGN KEY ("issuer_id") REFERENCES "certificate_authorities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "packs" ADD CONSTRAINT "FK_40a454bee9a6da351a6f2d26cae" FOREIGN KEY ("school_id", "collectivite_id") REFERENCES "schools"("id","collectivite_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "devices" ADD CONSTRAINT "fk_devices_collectivite" FOREIGN KEY ("collectivite_id") REFERENCES "collectivites"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "devices" ADD CONSTRAINT "fk_devices_pack_os" FOREIGN KEY ("pack_id", "collectivite_id", "os_family") REFERENCES "packs"("id","collectivite_id","os_family") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "devices" ADD CONSTRAINT "fk_devices_pack_capacity" FOREIGN KEY ("pack_id", "pack_capacity") REFERENCES "packs"("id","capacity") ON DELETE RESTRICT ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrollment_tokens" ADD CONSTRAINT "FK_e0a15db338a4ec3096361c82ffb" FOREIGN KEY ("pack_id") REFERENCES "packs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_schools" ADD CONSTRAINT "FK_71989c1c9fe27940490c159af55" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_schools" ADD CONSTRAINT "FK_0e341cf0d0c012ff88eaa2bb5f4" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_schools" DROP CONSTRAINT "FK_0e341cf0d0c012ff88eaa2bb5f4"`);
    await queryRunner.query(`ALTER TABLE "user_schools" DROP CONSTRAINT "FK_71989c1c9fe27940490c159af55"`);
    await queryRunner.query(`ALTER TABLE "enrollment_tokens" DROP CONSTRAINT "FK_e0a15db338a4ec3096361c82ffb"`);
    await queryRunner.query(`ALTER TABLE "devices" DROP CONSTRAINT "fk_devices_pack_capacity"`);
    await queryRunner.query(`ALTER TABLE "devices" DROP CONSTRAINT "fk_devices_pack_os"`);
    await queryRunner.query(`ALTER TABLE "devices" DROP CONSTRAINT "fk_devices_collectivite"`);
    await queryRunner.query(`ALTER TABLE "packs" DROP CONSTRAINT "FK_40a454bee9a6da351a6f2d26cae"`);
    await queryRunner.query(`ALTER TABLE "issued_certificates" DROP CONSTRAINT "FK_670bb85da27b66c9cd0d91c869f"`);
    await queryRunner.query(`ALTER TABLE "classrooms" DROP CONSTRAINT "FK_e646169186c787163efbef45f99"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_6330bde30107d180084d24ba674"`);
    await queryRunner.query(`ALTER TABLE "schools" DROP CONSTRAINT "FK_8ad6688a8769d6fe2a0468cddfc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0e341cf0d0c012ff88eaa2bb5f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_71989c1c9fe27940490c159af5"`);
    await queryRunner.query(`DROP TABLE "user_schools"`);
    await queryRunner.query(`DROP INDEX "public"."uq_enrollment_tokens_hash"`);
    await queryRunner.query(`DROP INDEX "public"."idx_enrollment_tokens_pack"`);
    await queryRunner.query(`DROP TABLE "enrollment_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."idx_devices_pack"`);
    await queryRunner.query(`DROP TABLE "devices"`);
    await queryRunner.query(`DROP TABLE "packs"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_entries_tenant_time"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_entries_entity"`);
    await queryRunner.query(`DROP TABLE "audit_entries"`);
    await queryRunner.query(`DROP INDEX "public"."uq_issued_certificates_fingerprint"`);
    await queryRunner.query(`DROP INDEX "public"."uq_issued_certificates_issuer_serial"`);
    await queryRunner.query(`DROP INDEX "public"."idx_issued_certificates_revoked"`);
    await queryRunner.query(`DROP TABLE "issued_certificates"`);
    await queryRunner.query(`DROP INDEX "public"."uq_certificate_authorities_root"`);
    await queryRunner.query(`DROP INDEX "public"."uq_certificate_authorities_collectivite"`);
    await queryRunner.query(`DROP TABLE "certificate_authorities"`);
    await queryRunner.query(`DROP TABLE "classrooms"`);
    await queryRunner.query(`DROP INDEX "public"."uq_users_email"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."uq_schools_uai"`);
    await queryRunner.query(`DROP TABLE "schools"`);
    await queryRunner.query(`DROP TABLE "collectivites"`);
  }
}
